package org.delineate.dicom.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs appear whole or not at all, and nothing but the target is left in its folder. */
class AtomicFilesTest {

    @TempDir
    Path folder;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void writesAndReplacesLeavingOnlyTheTarget() throws IOException {
        Path target = folder.resolve("out.txt");
        AtomicFiles.write(target, out -> out.write("first".getBytes(StandardCharsets.US_ASCII)));
        AtomicFiles.write(target, out -> out.write("second".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("second", Files.readString(target));
        assertEquals(List.of("out.txt"), names());
    }

    @Test
    void aFailureLeavesTheEarlierFileAndNoTemporary() throws IOException {
        Path target = folder.resolve("out.txt");
        Files.writeString(target, "earlier");
        IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full");
        }));
        assertEquals("disk full", thrown.getMessage());
        assertEquals("earlier", Files.readString(target));
        assertEquals(List.of("out.txt"), names());
    }

    @Test
    void aLeftoverTemporaryIsNeitherWrittenThroughNorReused() throws IOException {
        Path victim = Files.writeString(folder.resolve("victim.txt"), "untouched");
        String temporary = ".out.txt." + ProcessHandle.current().pid() + "-" + Thread.currentThread().getId() + ".part";
        Files.createSymbolicLink(folder.resolve(temporary), victim);
        Path target = folder.resolve("out.txt");
        AtomicFiles.write(target, out -> out.write(new byte[] {1, 2, 3}));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
        assertEquals("untouched", Files.readString(victim));
        assertEquals(List.of(temporary, "out.txt", "victim.txt"), names(), "the leftover link stays as it was");
    }
}

package org.delineate.macros;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The module layering of STYLE.md, checked on the sources so that it cannot rot:
 * {@code dicom <- privacy <- plugins <- macros}, and only plugins and macros touch ImageJ, AWT (but for its
 * headless image data classes) or Swing.
 */
class LayeringTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /**
     * NB: {@code java.awt.image} (Raster, DataBuffer) is allowed: ImageIO codecs return their pixels
     * in it, and it is plain data that works headless. The rest of AWT, Swing and ImageJ are not.
     */
    private static final Pattern GUI = Pattern.compile("^import\\s+(static\\s+)?(ij\\.|java\\.awt\\.(?!image\\.)|javax\\.swing)",
            Pattern.MULTILINE);

    private static List<String> violations(String module, Pattern forbidden) throws IOException {
        return violations(module, "", forbidden);
    }

    /** Imports matching {@code forbidden} in the main sources of {@code module} below the folder {@code under}. */
    private static List<String> violations(String module, String under, Pattern forbidden) throws IOException {
        List<String> found = new ArrayList<>();
        Path sources = ROOT.resolve(module).resolve("src/main/java").resolve(under);
        if (!Files.isDirectory(sources)) {
            return found;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                var matcher = forbidden.matcher(Files.readString(file));
                while (matcher.find()) {
                    found.add(ROOT.relativize(file) + ": " + matcher.group().trim());
                }
            }
        }
        return found;
    }

    @Test
    void theSourcesAreWhereTheTestLooks() {
        assertTrue(Files.isDirectory(ROOT.resolve("dicom/src/main/java/org/delineate/dicom")), ROOT.toString());
    }

    @Test
    void dicomAndPrivacyAreFreeOfImageJAwtAndSwing() throws IOException {
        assertEquals(List.of(), violations("dicom", GUI));
        assertEquals(List.of(), violations("privacy", GUI));
    }

    @Test
    void theAnnotationModelIsFreeOfImageJAwtAndSwing() throws IOException {
        assertTrue(Files.isDirectory(ROOT.resolve("plugins/src/main/java/org/delineate/annotation")));
        assertEquals(List.of(), violations("plugins", "org/delineate/annotation", GUI));
    }

    @Test
    void dependenciesPointDownTheLayers() throws IOException {
        assertEquals(List.of(), violations("dicom",
                Pattern.compile("^import\\s+(static\\s+)?org\\.delineate\\.(privacy|plugins|macros|cli)", Pattern.MULTILINE)));
        assertEquals(List.of(), violations("privacy",
                Pattern.compile("^import\\s+(static\\s+)?org\\.delineate\\.(plugins|macros)", Pattern.MULTILINE)));
        assertEquals(List.of(), violations("plugins",
                Pattern.compile("^import\\s+(static\\s+)?org\\.delineate\\.macros", Pattern.MULTILINE)));
    }
}

package org.delineate.privacy.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.delineate.dicom.io.AtomicFiles;
import org.delineate.privacy.run.Outcome.Kind;

/**
 * Writes DICOM outputs under names that must be unique, and settles two inputs claiming one name (the same SOP
 * Instance UID): identical outputs are one instance written once; different ones are both withheld, whatever
 * order the threads meet them in, so that the output never depends on scheduling. Thread-safe.
 *
 * <p>NB: this keeps the name and outcome of every output written (about half a kilobyte per file), the one part
 * of a run's memory that grows with the number of files.
 */
final class Outputs {

    static final String CONFLICT = "another input has the same (0008,0018) SOPInstanceUID and different content: "
            + "neither is released";

    private final Path folder;
    private final Journal journal;
    private final Map<String, Outcome> owners = new ConcurrentHashMap<>();
    /** Folders known to exist (one per series): two system calls less per file. */
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();
    private final Object[] locks = new Object[64];

    Outputs(Path folder, Journal journal) {
        this.folder = folder;
        this.journal = journal;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
        journal.previousOutcomes().forEach(o -> {
            if (o.kind() == Kind.WRITTEN) {
                owners.put(o.detail(), o);
            }
        });
    }

    /**
     * Writes {@code content} as the output of {@code written} unless another input holds its name; returns the
     * outcome.
     */
    Outcome write(Outcome written, AtomicFiles.Content content) throws IOException {
        String name = written.detail();
        Path target = folder.resolve(name);
        synchronized (locks[Math.floorMod(name.hashCode(), locks.length)]) {
            Outcome owner = owners.get(name);
            if (owner == null || owner.inputId().equals(written.inputId())) {
                if (!folders.contains(target.getParent())) {
                    Files.createDirectories(target.getParent());
                    folders.add(target.getParent());
                }
                AtomicFiles.write(target, content);
                owners.put(name, written);
                return written;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            content.writeTo(bytes);
            if (owner.kind() == Kind.WRITTEN && Files.exists(target)
                    && Arrays.equals(Files.readAllBytes(target), bytes.toByteArray())) {
                return written;
            }
            Files.deleteIfExists(target);
            if (owner.kind() == Kind.WRITTEN) {
                Outcome withheld = new Outcome(owner.inputId(), owner.size(), owner.modified(), Kind.WITHHELD, CONFLICT);
                journal.append(withheld);
                owners.put(name, withheld);
            }
            return new Outcome(written.inputId(), written.size(), written.modified(), Kind.WITHHELD,
                    CONFLICT);
        }
    }
}

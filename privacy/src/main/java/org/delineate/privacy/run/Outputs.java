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
    /** The outcome holding each output name, and whether its journal line is written. */
    private final Map<String, Owner> owners = new ConcurrentHashMap<>();
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
                owners.put(o.detail(), new Owner(o, true));
            }
        });
    }

    private record Owner(Outcome outcome, boolean journaled) {
    }

    private Object lock(String name) {
        return locks[Math.floorMod(name.hashCode(), locks.length)];
    }

    /**
     * Records the outcome of one input in the journal: the outcome {@link #write} returned, unless another input
     * has meanwhile claimed the same output name with other content, in which case the input's withheld outcome.
     *
     * <p>NB: under the output name's lock, so that a conflict settled by another thread between {@link #write}
     * and this call is never overwritten by a later WRITTEN line (the journal's last line per input wins).
     */
    Outcome record(Outcome outcome) throws IOException {
        if (outcome.kind() != Kind.WRITTEN || !owners.containsKey(outcome.detail())) {
            journal.append(outcome);
            return outcome;
        }
        String name = outcome.detail();
        synchronized (lock(name)) {
            Owner owner = owners.get(name);
            boolean mine = owner.outcome().inputId().equals(outcome.inputId());
            Outcome actual = mine ? owner.outcome() : outcome;
            journal.append(actual);
            if (mine) {
                owners.put(name, new Owner(owner.outcome(), true));
            }
            return actual;
        }
    }

    /**
     * Writes {@code content} as the output of {@code written} unless another input holds its name; returns the
     * outcome, which the caller then passes to {@link #record}.
     */
    Outcome write(Outcome written, AtomicFiles.Content content) throws IOException {
        String name = written.detail();
        Path target = folder.resolve(name);
        synchronized (lock(name)) {
            Owner held = owners.get(name);
            Outcome owner = held == null ? null : held.outcome();
            if (owner == null || owner.inputId().equals(written.inputId())) {
                if (!folders.contains(target.getParent())) {
                    Files.createDirectories(target.getParent());
                    folders.add(target.getParent());
                }
                AtomicFiles.write(target, content);
                owners.put(name, new Owner(written, false));
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
                if (held.journaled()) {
                    journal.append(withheld);
                }
                // else the owner's own record() call journals it withheld
                owners.put(name, new Owner(withheld, held.journaled()));
            }
            return new Outcome(written.inputId(), written.size(), written.modified(), Kind.WITHHELD,
                    CONFLICT);
        }
    }
}

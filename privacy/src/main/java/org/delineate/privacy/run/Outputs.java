package org.delineate.privacy.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.delineate.dicom.io.AtomicFiles;
import org.delineate.privacy.run.Outcome.Kind;

/**
 * Writes the outputs of a run and keeps two rules whatever order the threads meet the inputs in, so that the
 * output never depends on scheduling. Thread-safe.
 *
 * <ul>
 * <li>Two inputs claiming one DICOM output name (the same SOP Instance UID): identical outputs are one instance
 * written once; different ones are both withheld.
 * <li>A patient whose output failed the verification pass is withheld whole: the outputs of the patient's other
 * files are deleted (before their withheld outcome is journaled, so a crash in between leaves a WRITTEN line
 * without its file, which a resumed run does again) and later files of the patient are not written.
 * </ul>
 *
 * <p>NB: this keeps the name and outcome of every output written (about half a kilobyte per file), the one part
 * of a run's memory that grows with the number of files.
 */
final class Outputs {

    static final String CONFLICT = "another input has the same (0008,0018) SOPInstanceUID and different content: "
            + "neither is released";
    /** The start of the reasons of files withheld by the verification pass. */
    static final String VERIFICATION = "verification: ";
    static final String SIBLING = VERIFICATION + "another file of this patient holds an original identifier; every "
            + "file of the patient is withheld";

    /** Writes one output file to its target path (atomically). */
    interface Writer {
        void write(Path target) throws IOException;
    }

    private final Path folder;
    private final Journal journal;
    /** The outcome holding each output name, and whether its journal line is written. */
    private final Map<String, Owner> owners = new ConcurrentHashMap<>();
    /** Folders known to exist (one per series): two system calls less per file. */
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();
    /** Patients withheld by the verification pass, in this invocation or an earlier one. */
    private final Set<String> withheldPatients = ConcurrentHashMap.newKeySet();
    private final Object[] locks = newLocks();
    /**
     * NB: read-write: the files of one patient (often every file of a run) are written in parallel under the read
     * lock; withholding the patient takes the write lock, so no write of the patient is half done meanwhile.
     */
    private final ReadWriteLock[] patientLocks = new ReadWriteLock[64];

    private Outputs(Path folder, Journal journal) {
        this.folder = folder;
        this.journal = journal;
        for (int i = 0; i < patientLocks.length; i++) {
            patientLocks[i] = new ReentrantReadWriteLock();
        }
    }

    /**
     * The outputs of {@code folder} as its journal records them. A patient withheld by an earlier invocation's
     * verification stays withheld: outputs of the patient still recorded as written (an invocation stopped while
     * withholding them) are withheld now.
     */
    static Outputs open(Path folder, Journal journal) throws IOException {
        Outputs outputs = new Outputs(folder, journal);
        for (Outcome o : journal.previousOutcomes()) {
            if (o.kind() == Kind.WRITTEN) {
                outputs.owners.put(o.detail(), new Owner(o, true));
            } else if (o.kind() == Kind.WITHHELD && o.detail().startsWith(VERIFICATION) && !o.patient().isEmpty()) {
                outputs.withheldPatients.add(o.patient());
            }
        }
        for (String patient : List.copyOf(outputs.withheldPatients)) {
            outputs.withholdOutputsOf(patient);
        }
        return outputs;
    }

    private record Owner(Outcome outcome, boolean journaled) {
    }

    private static Object[] newLocks() {
        Object[] locks = new Object[64];
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
        return locks;
    }

    private Object lock(String name) {
        return locks[Math.floorMod(name.hashCode(), locks.length)];
    }

    private ReadWriteLock patientLock(String patient) {
        return patientLocks[Math.floorMod(patient.hashCode(), patientLocks.length)];
    }

    /**
     * Records the outcome of one input in the journal: the outcome {@link #write} returned, unless the output has
     * meanwhile been withheld (another input claimed its name with other content, or its patient failed the
     * verification pass), in which case the input's withheld outcome.
     *
     * <p>NB: under the output name's lock, so that a decision settled by another thread between {@link #write}
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
            Outcome actual;
            if (owner.outcome().inputId().equals(outcome.inputId())) {
                actual = owner.outcome();
                owners.put(name, new Owner(actual, true));
            } else {
                // an identical duplicate of the owner's output: released or withheld with it
                actual = owner.outcome().kind() == Kind.WRITTEN ? outcome : outcome.withheld(owner.outcome().detail());
            }
            journal.append(actual);
            return actual;
        }
    }

    /**
     * Writes {@code content} as the DICOM output of {@code written} unless another input holds its name or its
     * patient is withheld; returns the outcome, which the caller then passes to {@link #record}.
     */
    Outcome write(Outcome written, AtomicFiles.Content content) throws IOException {
        String patient = written.patient();
        if (patient.isEmpty()) {
            return claim(written, content, false);
        }
        Lock shared = patientLock(patient).readLock();
        shared.lock();
        try {
            return claim(written, content, withheldPatients.contains(patient));
        } finally {
            shared.unlock();
        }
    }

    /** Writes an output whose name no other input can claim (named by the input's opaque id): NIfTI, sidecars. */
    Outcome writeOwn(Outcome written, Writer writer) throws IOException {
        String patient = written.patient();
        if (patient.isEmpty()) {
            return writeNamed(written, writer);
        }
        Lock shared = patientLock(patient).readLock();
        shared.lock();
        try {
            return withheldPatients.contains(patient) ? written.withheld(SIBLING) : writeNamed(written, writer);
        } finally {
            shared.unlock();
        }
    }

    private Outcome writeNamed(Outcome written, Writer writer) throws IOException {
        Path target = folder.resolve(written.detail());
        synchronized (lock(written.detail())) {
            createFolder(target);
            writer.write(target);
            owners.put(written.detail(), new Owner(written, false));
        }
        return written;
    }

    /**
     * Claims the output name of {@code written}; writes it when no other input holds the name and the patient is
     * not withheld. NB: a withheld patient's file still claims its name, so that another input with the same name
     * and other content is withheld as a conflict whichever thread comes first.
     */
    private Outcome claim(Outcome written, AtomicFiles.Content content, boolean patientWithheld) throws IOException {
        String name = written.detail();
        Path target = folder.resolve(name);
        Outcome refused = written.withheld(patientWithheld ? SIBLING : CONFLICT);
        synchronized (lock(name)) {
            Owner held = owners.get(name);
            Outcome owner = held == null ? null : held.outcome();
            if (owner == null || owner.inputId().equals(written.inputId())) {
                if (patientWithheld) {
                    owners.put(name, new Owner(refused, false));
                    return refused;
                }
                createFolder(target);
                AtomicFiles.write(target, content);
                owners.put(name, new Owner(written, false));
                return written;
            }
            if (owner.kind() != Kind.WRITTEN) {
                // NB: the owner was withheld: as a conflict (so is every other claimant), or with its patient (an
                // input of another patient has other content, its Patient ID's pseudonym)
                return refused;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            content.writeTo(bytes);
            if (Files.exists(target) && Arrays.equals(Files.readAllBytes(target), bytes.toByteArray())) {
                return patientWithheld ? refused : written;
            }
            Files.deleteIfExists(target);
            Outcome withheld = owner.withheld(CONFLICT);
            if (held.journaled()) {
                journal.append(withheld);
            }
            // else the owner's own record() call journals it withheld
            owners.put(name, new Owner(withheld, held.journaled()));
            return refused;
        }
    }

    private void createFolder(Path target) throws IOException {
        if (!folders.contains(target.getParent())) {
            Files.createDirectories(target.getParent());
            folders.add(target.getParent());
        }
    }

    /**
     * Withholds the patient of {@code hit} (an input whose output failed the verification pass, not written):
     * deletes the outputs of the patient's other files and journals them withheld, and makes {@link #write} withhold
     * the patient's later files. Returns the hit's outcome, which the caller passes to {@link #record}.
     */
    Outcome withholdPatient(Outcome hit) throws IOException {
        if (!hit.patient().isEmpty()) {
            Lock exclusive = patientLock(hit.patient()).writeLock();
            exclusive.lock();
            try {
                withheldPatients.add(hit.patient());
                withholdOutputsOf(hit.patient());
            } finally {
                exclusive.unlock();
            }
        }
        return hit;
    }

    private void withholdOutputsOf(String patient) throws IOException {
        List<String> names = new ArrayList<>();
        owners.forEach((name, owner) -> {
            if (owner.outcome().kind() == Kind.WRITTEN && patient.equals(owner.outcome().patient())) {
                names.add(name);
            }
        });
        for (String name : names) {
            synchronized (lock(name)) {
                Owner owner = owners.get(name);
                if (owner.outcome().kind() != Kind.WRITTEN) {
                    continue;
                }
                Files.deleteIfExists(folder.resolve(name));
                Outcome withheld = owner.outcome().withheld(SIBLING);
                if (owner.journaled()) {
                    journal.append(withheld);
                }
                owners.put(name, new Owner(withheld, owner.journaled()));
            }
        }
    }
}

package org.delineate.annotation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Autosave to a recovery file, and restoring it after a crash. The recovery file of an annotation is named
 * from a hash of its source series (Series Instance UID, or the grid when there is no source), so reopening
 * the same study finds it and the file name tells nothing about the patient. The Segment Editor calls
 * {@link #changed(Annotation)} after each step; the file is written when enough steps or time have passed,
 * atomically, and deleted when the user saves or closes cleanly. Not thread-safe.
 */
public final class Recovery {

    private final Path folder;
    private final Clock clock;
    private final int everySteps;
    private final Duration everyTime;
    private int stepsSinceSave;
    private Instant lastSave;

    /**
     * @param folder where recovery files live (for example ~/.cache/delineate/recovery)
     * @param everySteps write after this many steps at the latest (at least 1)
     * @param everyTime or once this much time has passed since the last write, at the next step
     */
    public Recovery(Path folder, Clock clock, int everySteps, Duration everyTime) {
        this.folder = folder;
        this.clock = clock;
        this.everySteps = Math.max(1, everySteps);
        this.everyTime = everyTime;
        this.lastSave = clock.instant();
    }

    /** The recovery file for an annotation of this source and grid. */
    public Path fileFor(SourceReference source, AnnotationGrid grid) {
        String key = source != null && source.seriesInstanceUid() != null ? "series:" + source.seriesInstanceUid()
                : "grid:" + grid;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return folder.resolve("recovery-" + HexFormat.of().formatHex(hash, 0, 16) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Notes one more step; writes the recovery file when due.
     *
     * @return true when the file was written
     */
    public boolean changed(Annotation annotation) throws IOException {
        stepsSinceSave++;
        Instant now = clock.instant();
        if (stepsSinceSave < everySteps && Duration.between(lastSave, now).compareTo(everyTime) < 0) {
            return false;
        }
        save(annotation);
        return true;
    }

    /** Writes the recovery file now. */
    public void save(Annotation annotation) throws IOException {
        Files.createDirectories(folder);
        AnnotationJson.write(annotation, List.of(), fileFor(annotation.source(), annotation.grid()));
        stepsSinceSave = 0;
        lastSave = clock.instant();
    }

    /** Deletes the recovery file (after a clean save or close). */
    public void discard(Annotation annotation) throws IOException {
        Files.deleteIfExists(fileFor(annotation.source(), annotation.grid()));
        stepsSinceSave = 0;
    }

    /**
     * The annotation left by a crash for this source and grid, or null when there is none. A recovery file
     * that cannot be read is reported as an error, not silently ignored.
     */
    public Annotation restore(SourceReference source, AnnotationGrid grid, String user) throws IOException {
        Path file = fileFor(source, grid);
        if (!Files.exists(file)) {
            return null;
        }
        Annotation a = AnnotationJsonReader.read(file, user, clock);
        if (!a.grid().equals(grid)) {
            throw new AnnotationFormatException(file.toString(), "$.grid", "the recovery file is for another grid");
        }
        return a;
    }
}

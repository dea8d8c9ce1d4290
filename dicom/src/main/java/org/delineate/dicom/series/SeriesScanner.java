package org.delineate.dicom.series;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.dict.UID;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomReader;
import org.delineate.dicom.io.ReadOptions;
import org.delineate.dicom.pixel.PhotometricInterpretation;
import org.delineate.dicom.pixel.PixelData;

/**
 * Finds the DICOM frames in files, folders (recursively) and DICOMDIRs by reading headers only (up
 * to Pixel Data), several files at a time. A scan never stops at a bad file: files that are not DICOM
 * or cannot be parsed are returned with the reason, and instances that are not images to stack are
 * listed apart. Thread-safe: holds only its options; each scan uses its own thread pool and shuts it
 * down before returning.
 */
public final class SeriesScanner {

    /** NB: these SOP classes carry pixel data, but are not images to stack into volumes here. */
    private static final Set<String> NOT_STACKED = Set.of(UID.SegmentationStorage, "1.2.840.10008.5.1.4.1.1.66.7",
            UID.RTDoseStorage, UID.MediaStorageDirectoryStorage);

    private final ScanOptions options;
    private final DicomReader reader = new DicomReader(ReadOptions.defaults().withStopBeforePixelData(true)
            .withLazyPixelData(true));

    public SeriesScanner(ScanOptions options) {
        this.options = options;
    }

    /**
     * Scans files, folders (recursively) and DICOMDIRs (a file named DICOMDIR, whatever its case: the files
     * its records name are scanned too). Each file is read once however often it is named.
     *
     * @throws InterruptedException when the calling thread is interrupted; the pool is shut down first
     */
    public ScanResult scan(Collection<Path> inputs) throws InterruptedException {
        List<UnreadableFile> unreadable = new ArrayList<>();
        Set<Path> files = new LinkedHashSet<>();
        for (Path input : inputs) {
            collect(input.toAbsolutePath().normalize(), files, unreadable);
        }
        List<FrameHeader> frames = new ArrayList<>();
        List<NonImageInstance> nonImages = new ArrayList<>();
        List<Path> paths = new ArrayList<>(files);
        int threads = Math.min(options.threads(), Math.max(1, paths.size()));
        // NB: files go to the threads in batches, not one task each: a task per file cost the submitting thread a
        // wake-up of a worker per file, as much CPU as parsing a small header.
        int batch = Math.max(1, Math.min(BATCH, paths.size() / (4 * threads)));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Outcome>>> futures = new ArrayList<>();
            for (int from = 0; from < paths.size(); from += batch) {
                List<Path> part = paths.subList(from, Math.min(paths.size(), from + batch));
                futures.add(pool.submit(() -> read(part)));
            }
            for (Future<List<Outcome>> future : futures) {
                List<Outcome> outcomes;
                try {
                    outcomes = future.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a scan task failed although it catches everything", e.getCause());
                }
                for (Outcome outcome : outcomes) {
                    frames.addAll(outcome.frames);
                    if (outcome.nonImage != null) {
                        nonImages.add(outcome.nonImage);
                    }
                    if (outcome.unreadable != null) {
                        unreadable.add(outcome.unreadable);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new ScanResult(frames, nonImages, unreadable);
    }

    private static void collect(Path input, Set<Path> files, List<UnreadableFile> unreadable) {
        if (Files.isDirectory(input)) {
            // NB: the attributes the walk reads anyway say what is a file, no second stat; a link is followed to see
            // whether it names a file, links to folders are not walked. A visitor, not a stream: a new JVM runs stream
            // pipelines interpreted, which cost more than the walk itself.
            List<Path> found = new ArrayList<>();
            try {
                Files.walkFileTree(input, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        if (attributes.isRegularFile() || attributes.isSymbolicLink() && Files.isRegularFile(file)) {
                            found.add(file.toAbsolutePath().normalize());
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
                Collections.sort(found);
                files.addAll(found);
            } catch (IOException | RuntimeException e) {
                unreadable.add(new UnreadableFile(input, "the folder cannot be listed: " + e.getMessage()));
            }
            return;
        }
        if (!Files.isRegularFile(input)) {
            unreadable.add(new UnreadableFile(input, "no such file or folder"));
            return;
        }
        files.add(input);
        if (input.getFileName().toString().equalsIgnoreCase("DICOMDIR")) {
            try {
                for (DirectoryRecord record : DicomDirectory.read(input)) {
                    if (record.file() == null) {
                        continue;
                    }
                    if (Files.isRegularFile(record.file())) {
                        files.add(record.file().toAbsolutePath().normalize());
                    } else {
                        unreadable.add(new UnreadableFile(record.file(), "named by a " + record.type()
                                + " record of " + input + " (ReferencedFileID " + String.join("\\", record.referencedFileId())
                                + "), but no such file exists"));
                    }
                }
            } catch (IOException | RuntimeException e) {
                unreadable.add(new UnreadableFile(input, "the DICOMDIR cannot be read: " + e.getMessage()));
            }
        }
    }

    /** The most files one task reads. */
    private static final int BATCH = 32;

    private List<Outcome> read(List<Path> files) {
        List<Outcome> outcomes = new ArrayList<>(files.size());
        for (Path file : files) {
            outcomes.add(read(file));
        }
        return outcomes;
    }

    private Outcome read(Path file) {
        try {
            DicomFile dicom = reader.readFileIfDicom(file);
            if (dicom == null) {
                return Outcome.of(new UnreadableFile(file, NOT_DICOM));
            }
            DataSet ds = dicom.dataSet();
            String sopClass = ds.getString(Tag.SOPClassUID);
            if (sopClass == null && dicom.fileMeta() != null) {
                sopClass = dicom.fileMeta().getString(Tag.MediaStorageSOPClassUID);
            }
            boolean pixels = !dicom.complete() || ds.contains(Tag.PixelData) || ds.contains(Tag.FloatPixelData)
                    || ds.contains(Tag.DoubleFloatPixelData);
            if (!pixels || ds.getInt(Tag.Rows, 0) <= 0 || ds.getInt(Tag.Columns, 0) <= 0 || NOT_STACKED.contains(sopClass)
                    || DicomDirectory.isDicomDirectory(ds)) {
                if (sopClass == null && ds.getString(Tag.SOPInstanceUID) == null && dicom.fileMeta() == null) {
                    return Outcome.of(new UnreadableFile(file, "not a DICOM file: no File Meta Information, "
                            + "no SOPClassUID (0008,0016) and no SOPInstanceUID (0008,0018)"));
                }
                return new Outcome(List.of(), new NonImageInstance(file, sopClass, ds.getString(Tag.SOPInstanceUID),
                        SeriesInfo.of(ds)), null);
            }
            return new Outcome(FrameHeaderReader.frames(file, ds, pixelsInFile(dicom)), null, null);
        } catch (IOException e) {
            return Outcome.of(new UnreadableFile(file, e.getMessage()));
        } catch (RuntimeException e) {
            return Outcome.of(new UnreadableFile(file, "cannot be read (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")"));
        }
    }

    /**
     * The file's pixel data when it was left in the file and the pixel reader accepts its description, so
     * that reading the volume need not parse the header again; else null (the volume reader then reads the
     * file and reports what is wrong). Palette color needs the LUTs of the header: null too.
     */
    private static PixelData pixelsInFile(DicomFile dicom) {
        DataSet ds = dicom.dataSet();
        DataElement element = ds.get(Tag.PixelData);
        if (element == null || !(element.isBulkData() || element.isFragments() && element.fragments().inFile())) {
            return null;
        }
        try {
            PixelData pixels = PixelData.of(dicom);
            return pixels.description().photometricInterpretation() == PhotometricInterpretation.PALETTE_COLOR
                    ? null : pixels;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static final String NOT_DICOM =
            "not a DICOM file: no \"DICM\" at byte 128 and no group 0002 or 0008 element at byte 0";

    private record Outcome(List<FrameHeader> frames, NonImageInstance nonImage, UnreadableFile unreadable) {
        static Outcome of(UnreadableFile unreadable) {
            return new Outcome(List.of(), null, unreadable);
        }
    }
}

package org.delineate.dicom.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.nifti.NiftiHeader;
import org.delineate.dicom.nifti.NiftiImage;
import org.delineate.dicom.nifti.NiftiReader;
import org.delineate.dicom.nifti.NiftiVolumeWriter;
import org.delineate.dicom.nifti.NiftiWriter;
import org.delineate.dicom.series.FrameStack;
import org.delineate.dicom.series.ScanOptions;
import org.delineate.dicom.series.ScanResult;
import org.delineate.dicom.series.Series;
import org.delineate.dicom.series.SeriesScanner;
import org.delineate.dicom.series.StackVolumes;
import org.delineate.dicom.series.UnreadableFile;
import org.delineate.dicom.volume.StoredSlices;
import org.delineate.dicom.volume.Volume;

/**
 * {@code delineate convert INPUT OUTPUT [--json] [--threads N]}: DICOM (a file, a folder walked recursively, or
 * a DICOMDIR) or NIfTI to NIfTI. One output per volume group of each series (3D, or 4D for repetitions);
 * a single {@code .nii}/{@code .nii.gz} OUTPUT when INPUT holds exactly one, else a folder. Outputs are written
 * atomically; inputs are only read. Progress and warnings go to stderr and never name patient data.
 *
 * <p>Exit 0 when at least one volume was written, 1 when none could be (a one-line message says why), 2 on a
 * usage error (including several volumes for a single-file OUTPUT).
 */
public final class ConvertCommand implements CliCommand {

    private static final String NAME = "delineate convert";

    private static final Syntax SYNTAX = Syntax.command("convert",
            "Convert DICOM (file, folder, DICOMDIR) or NIfTI to NIfTI (.nii or .nii.gz).",
            "OUTPUT is a .nii/.nii.gz file when INPUT holds one volume, else a folder (created if needed) with one "
                    + "file per volume, named from SeriesNumber and SeriesDescription.")
            .parameter("INPUT", "a DICOM file, a folder (searched recursively), a DICOMDIR, or a NIfTI file (.nii, "
                    + ".nii.gz, .hdr/.img)")
            .parameter("OUTPUT", "a .nii or .nii.gz file for one volume; otherwise a folder (an existing folder, or a "
                    + "name ending in /) for one .nii.gz per volume")
            .flag("--json", "also write a BIDS-style JSON sidecar beside each NIfTI (no patient data)")
            .option("--threads", "N", "files read and decoded at once (default: the number of processors)");

    private Path input;
    private String output;
    private boolean json;
    private int threads;

    @Override
    public Syntax syntax() {
        return SYNTAX;
    }

    private PrintWriter err;

    @Override
    public int run(Invocation call) {
        input = call.parameterPath("INPUT");
        output = call.parameter("OUTPUT");
        json = call.flag("--json");
        threads = call.integer("--threads", Runtime.getRuntime().availableProcessors());
        err = call.err();
        try {
            if (threads < 1) {
                throw new UsageException("--threads must be at least 1, not " + threads);
            }
            if (!Files.exists(input)) {
                return fail(input + ": no such file or folder");
            }
            return isNifti(input) ? convertNifti() : convertDicom();
        } catch (IOException e) {
            return fail(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        } finally {
            err.flush();
        }
    }

    /** True when OUTPUT names one file rather than a folder. */
    private boolean singleFile() {
        String lower = output.toLowerCase(Locale.ROOT);
        return (lower.endsWith(".nii") || lower.endsWith(".nii.gz")) && !output.endsWith("/")
                && !Files.isDirectory(Path.of(output));
    }

    private static boolean isNifti(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        return Files.isRegularFile(path) && (name.endsWith(".nii") || name.endsWith(".hdr") || name.endsWith(".img"));
    }

    private int convertNifti() throws IOException {
        NiftiImage image = NiftiReader.read(input);
        Path target;
        if (singleFile()) {
            target = Path.of(output);
        } else {
            Path folder = Files.createDirectories(Path.of(output));
            String base = input.getFileName().toString().replaceFirst("(?i)\\.(nii|hdr|img)(\\.gz)?$", "");
            target = folder.resolve(ConvertNames.sanitize(base) + ".nii.gz");
        }
        createParent(target);
        NiftiWriter.write(image, target);
        progress("wrote " + target + " (" + shape(image) + ", " + image.dataType() + ")");
        return 0;
    }

    private int convertDicom() throws IOException, InterruptedException {
        ScanResult scan = new SeriesScanner(new ScanOptions(threads)).scan(List.of(input));
        for (UnreadableFile file : scan.unreadable()) {
            warn(file.file() + ": " + file.reason());
        }
        List<Series> series = scan.series();
        ConvertNames names = new ConvertNames();
        List<Job> jobs = new ArrayList<>();
        int refused = 0;
        for (Series s : series) {
            List<List<FrameStack>> groups = s.volumes();
            for (List<FrameStack> group : groups) {
                String name = names.name(s.info().seriesNumber(), s.info().seriesDescription(), group.get(0).label(),
                        groups.size() > 1);
                FrameStack bad = group.stream().filter(st -> !st.usable()).findFirst().orElse(null);
                if (bad != null) {
                    refused++;
                    warn(describe(s, bad) + ": refused: " + bad.refusal());
                } else {
                    jobs.add(new Job(s, group, name));
                }
            }
        }
        long files = scan.frames().stream().map(f -> f.file()).distinct().count();
        progress(String.format(Locale.ROOT, "found %d series, %d volume%s to convert in %d image file%s (%d non-image, "
                + "%d unreadable, %d refused)", series.size(), jobs.size(), jobs.size() == 1 ? "" : "s", files,
                files == 1 ? "" : "s", scan.nonImages().size(), scan.unreadable().size(), refused));
        if (jobs.isEmpty()) {
            return fail(input + ": no image volume to convert (" + files + " image files, " + scan.nonImages().size()
                    + " non-image instances, " + scan.unreadable().size() + " unreadable files)");
        }
        boolean single = singleFile();
        if (single && jobs.size() > 1) {
            throw new UsageException(input + " holds " + jobs.size() + " volumes ("
                    + String.join(", ", jobs.stream().map(Job::name).toList()) + "); give a folder as OUTPUT (an existing "
                    + "folder or a name ending in /) to write one .nii.gz per volume");
        }
        Path folder = single ? null : Files.createDirectories(Path.of(output));
        int written = 0;
        for (Job job : jobs) {
            Path target = single ? Path.of(output) : folder.resolve(job.name() + ".nii.gz");
            if (write(job, target)) {
                written++;
            }
        }
        if (written == 0) {
            return fail(input + ": none of the " + jobs.size() + " volumes could be converted (see the warnings above)");
        }
        progress("converted " + written + " of " + jobs.size() + " volume" + (jobs.size() == 1 ? "" : "s"));
        return 0;
    }

    /**
     * Reads, writes and reports one volume group; false (with a warning) when it cannot be converted. NB: a group
     * whose frames are stored samples as they are (see {@link StackVolumes#storedSlices}) is copied into the
     * NIfTI file without being decoded or held in memory; others are read into volumes first.
     */
    private boolean write(Job job, Path target) throws IOException {
        Optional<StoredSlices> stored = StackVolumes.storedSlices(job.group());
        List<Volume> volumes = new ArrayList<>();
        String shape;
        DataSet header;
        try {
            if (stored.isPresent()) {
                StoredSlices s = stored.get();
                shape = s.columns() + "x" + s.rows() + "x" + s.slicesPerVolume() + (s.volumes() > 1 ? "x" + s.volumes() : "");
                header = json ? StackVolumes.header(job.group().get(0)) : null;
            } else {
                for (FrameStack stack : job.group()) {
                    volumes.add(StackVolumes.read(stack, threads));
                }
                shape = shape(volumes);
                header = volumes.get(0).header();
            }
        } catch (IOException e) {
            warn(describe(job.series(), job.group().get(0)) + ": not converted: " + e.getMessage());
            return false;
        }
        createParent(target);
        try {
            if (stored.isPresent()) {
                NiftiVolumeWriter.write(stored.get(), NiftiHeader.XFORM_SCANNER_ANAT, target);
            } else {
                NiftiVolumeWriter.write(volumes, NiftiHeader.XFORM_SCANNER_ANAT, target);
            }
        } catch (IllegalArgumentException e) {
            warn(describe(job.series(), job.group().get(0)) + ": not converted: " + e.getMessage());
            return false;
        }
        String message = "wrote " + target + " (" + shape + ")";
        if (json) {
            Path sidecar = target.resolveSibling(target.getFileName().toString().replaceFirst("(?i)\\.nii(\\.gz)?$", "")
                    + ".json");
            BidsSidecar.write(job.group(), header, version(), sidecar);
            message += " and " + sidecar.getFileName();
        }
        progress(message);
        return true;
    }

    private static void createParent(Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    /** "series 5 'T1 MPRAGE' (echo 2)": SeriesNumber, SeriesDescription and stack label, never patient data. */
    private static String describe(Series series, FrameStack stack) {
        Integer number = series.info().seriesNumber();
        String description = series.info().seriesDescription();
        return "series " + (number == null ? "(no number)" : number) + (description == null ? "" : " '" + description + "'")
                + (stack.label().isEmpty() ? "" : " (" + stack.label() + ")");
    }

    private static String shape(List<Volume> volumes) {
        Volume v = volumes.get(0);
        return v.columns() + "x" + v.rows() + "x" + v.slices() + (volumes.size() > 1 ? "x" + volumes.size() : "");
    }

    private static String shape(NiftiImage image) {
        long[] shape = image.shape();
        StringBuilder s = new StringBuilder();
        for (long n : shape) {
            s.append(s.length() == 0 ? "" : "x").append(n);
        }
        return s.toString();
    }

    /** The version in the jar manifest, or "development" when run from classes. */
    static String version() {
        String version = ConvertCommand.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    private void progress(String message) {
        err.println(NAME + ": " + message);
        err.flush();
    }

    private void warn(String message) {
        err.println(NAME + ": warning: " + message);
        err.flush();
    }

    private int fail(String message) {
        err.println(NAME + ": " + message);
        err.flush();
        return 1;
    }

    /** One volume group of a series and the base name of its output. */
    private record Job(Series series, List<FrameStack> group, String name) {
    }
}

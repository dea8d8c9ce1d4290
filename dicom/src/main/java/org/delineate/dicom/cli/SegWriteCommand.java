package org.delineate.dicom.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.delineate.dicom.code.Code;
import org.delineate.dicom.geometry.VolumeGeometry;
import org.delineate.dicom.nifti.NiftiImage;
import org.delineate.dicom.nifti.NiftiReader;
import org.delineate.dicom.nifti.NiftiVolumes;
import org.delineate.dicom.seg.InvalidSegmentationException;
import org.delineate.dicom.seg.LabeledSegment;
import org.delineate.dicom.seg.SegWriteOptions;
import org.delineate.dicom.seg.SegmentDescription;
import org.delineate.dicom.seg.SegmentationFrames;
import org.delineate.dicom.seg.SegmentationProblem;
import org.delineate.dicom.seg.SegmentationSource;
import org.delineate.dicom.seg.SegmentationType;
import org.delineate.dicom.seg.SegmentationWriter;
import org.delineate.dicom.seg.meta.DcmqiMetadata;
import org.delineate.dicom.seg.meta.SegmentationMetadata;
import org.delineate.dicom.seg.meta.Terminology;
import org.delineate.dicom.series.FrameStack;

/**
 * {@code delineate seg write --source DICOM_DIR --labels LABELS.nii.gz --meta META.json [--type binary|fractional|labelmap]
 * [--keep-empty-frames] --out SEG.dcm}: a DICOM Segmentation on the grid of the DICOM series in DICOM_DIR, its
 * segments from the label NIfTI(s) and described by dcmqi's metadata JSON (labelID = the voxel value of a segment).
 * The labels must be on the series' grid up to the order and direction of their axes (checked within
 * {@code --tolerance}); SRT codes in the metadata are written as their SNOMED CT equivalents. The output is
 * written atomically and only when valid; otherwise every problem is listed. Exit codes as {@link SegCommand}.
 */
public final class SegWriteCommand implements CliCommand {

    private static final Syntax SYNTAX = Syntax.command("write",
            "Write a DICOM Segmentation from label NIfTI file(s) and dcmqi metadata JSON, on the grid of a DICOM series.",
            "The labels must lie on the series' voxels (their axes may be permuted or flipped, e.g. dcm2niix or "
                    + "'delineate convert' output); nothing is resampled.")
            .required("--source", "DICOM_DIR", "folder with the one DICOM image series the segmentation is drawn on")
            .requiredRepeatable("--labels", "LABELS.nii.gz", "label image (.nii, .nii.gz): voxel value = a segment's labelID, "
                    + "0 background. Repeat for overlapping segments, one file per list of the metadata's "
                    + "segmentAttributes, in order. FRACTIONAL: one file per segment with its fraction (float 0..1, "
                    + "or uint8 0..255)")
            .required("--meta", "META.json", "dcmqi segment metadata JSON (seg-schema): segment descriptions by "
                    + "labelID, series attributes")
            .option("--type", "TYPE", "binary (default), fractional or labelmap")
            .flag("--keep-empty-frames", "also write frames in which a segment has no voxel")
            .required("--out", "SEG.dcm", "the segmentation file to write")
            .option("--tolerance", "MM", "largest distance between a label voxel and the series voxel it is put on "
                    + "(default 0.05 mm)")
            .option("--threads", "N", "files read and frames packed at once (default: the number of processors)");

    private Path source;
    private List<Path> labels;
    private Path meta;
    private String type;
    private boolean keepEmptyFrames;
    private Path out;
    private double tolerance;
    private int threads;

    @Override
    public Syntax syntax() {
        return SYNTAX;
    }

    private SegCommand.Messages messages;

    @Override
    public int run(Invocation call) {
        source = call.path("--source");
        labels = call.paths("--labels");
        meta = call.path("--meta");
        type = call.string("--type", "binary");
        keepEmptyFrames = call.flag("--keep-empty-frames");
        out = call.path("--out");
        tolerance = call.decimal("--tolerance", 0.05);
        threads = call.integer("--threads", Runtime.getRuntime().availableProcessors());
        messages = new SegCommand.Messages("delineate seg write", call.err());
        SegmentationType segmentationType = segmentationType();
        if (!(tolerance >= 0) || threads < 1) {
            throw new UsageException("--tolerance must be 0 or more and --threads at least 1");
        }
        try {
            for (Path p : concat(labels, meta)) {
                if (!Files.isRegularFile(p)) {
                    return messages.fail(p + ": no such file");
                }
            }
            SegmentationMetadata metadata = metadata();
            if (metadata.segmentAttributes().size() != labels.size()) {
                return messages.fail(meta + ": segmentAttributes lists " + metadata.segmentAttributes().size()
                        + " label file(s), but " + labels.size() + " --labels were given; give one --labels per list, in order");
            }
            FrameStack stack = SourceSeries.stack(source, threads);
            // NB: the source's pixels are not needed, only its headers, geometry and frame references.
            SegmentationSource segSource = SegmentationSource.read(stack);
            messages.progress("source series " + SourceSeries.shape(stack) + " found in " + source);
            int[] shape = {stack.columns(), stack.rows(), stack.slices()};
            List<LabelInputs.LabelFile> files = new ArrayList<>();
            for (int f = 0; f < labels.size(); f++) {
                files.add(labelFile(labels.get(f), metadata.segmentAttributes().get(f), segSource.geometry(), shape));
            }
            SegWriteOptions options = options(metadata, segmentationType);
            SegmentationFrames frames = LabelInputs.frames(files, segmentationType, options.maxFractionalValue(),
                    shape[0], shape[1], shape[2], messages::warn);
            List<SegmentDescription> segments = metadata.allSegments().stream().map(LabeledSegment::description).toList();
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            SegmentationWriter.Written written = SegmentationWriter.write(out, segSource, frames, segments, options);
            messages.progress(String.format(Locale.ROOT, "wrote %s (%s, %d segment%s, %d frame%s)", out, segmentationType,
                    segments.size(), segments.size() == 1 ? "" : "s", written.numberOfFrames(),
                    written.numberOfFrames() == 1 ? "" : "s"));
            return 0;
        } catch (InvalidSegmentationException e) {
            messages.fail(out + ": not written, the segmentation would not be valid (" + e.problems().size() + " problem"
                    + (e.problems().size() == 1 ? "" : "s") + "):");
            for (SegmentationProblem p : e.problems()) {
                messages.fail("  " + p);
            }
            return 1;
        } catch (IOException e) {
            return messages.fail(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return messages.fail("interrupted");
        }
    }

    private SegmentationType segmentationType() {
        try {
            return SegmentationType.valueOf(type.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--type is binary, fractional or labelmap, not '" + type + "'");
        }
    }

    /** The metadata with SRT codes replaced by SNOMED CT ones (each replacement reported). */
    private SegmentationMetadata metadata() throws IOException {
        DcmqiMetadata.Reading reading = DcmqiMetadata.readWithWarnings(meta);
        reading.warnings().forEach(messages::warn);
        Terminology terminology = Terminology.load();
        Set<String> converted = new LinkedHashSet<>();
        List<String> labelled = new ArrayList<>();
        List<List<LabeledSegment>> files = new ArrayList<>();
        for (List<LabeledSegment> file : reading.metadata().segmentAttributes()) {
            List<LabeledSegment> segments = new ArrayList<>();
            for (LabeledSegment s : file) {
                SegmentDescription d = s.description();
                for (Code c : codes(d)) {
                    Code sct = terminology.toSct(c);
                    if (!sct.equals(c)) {
                        converted.add(c.schemeDesignator() + " " + c.value() + " '" + c.meaning() + "' -> "
                                + sct.schemeDesignator() + " " + sct.value() + " '" + sct.meaning() + "'");
                    }
                }
                d = terminology.withSctCodes(d);
                if (d.segmentLabel() == null && d.type() != null) {
                    // NB: dcmqi's metadata may leave SegmentLabel out; dcmqi then labels the segment with its type's
                    // Code Meaning, and so do we (Segment Label is Type 1).
                    d = d.toBuilder().segmentLabel(d.type().meaning()).build();
                    labelled.add(s.labelValue() + " '" + d.segmentLabel() + "'");
                }
                segments.add(new LabeledSegment(s.labelValue(), d));
            }
            files.add(segments);
        }
        if (!converted.isEmpty()) {
            messages.progress(meta + ": SNOMED-RT (SRT) codes, retired by DICOM, written as their SNOMED CT (SCT) "
                    + "equivalents (PS3.16 Annex O): " + String.join("; ", converted));
        }
        if (!labelled.isEmpty()) {
            messages.progress(meta + ": segments without SegmentLabel are labelled with their type's meaning (labelID "
                    + String.join(", ", labelled) + ")");
        }
        return reading.metadata().toBuilder().segmentAttributes(files).build();
    }

    private static List<Code> codes(SegmentDescription d) {
        List<Code> codes = new ArrayList<>();
        for (Code c : new Code[] {d.category(), d.type(), d.anatomicRegion()}) {
            if (c != null) {
                codes.add(c);
            }
        }
        codes.addAll(d.typeModifiers());
        codes.addAll(d.anatomicRegionModifiers());
        return codes;
    }

    private LabelInputs.LabelFile labelFile(Path path, List<LabeledSegment> segments, VolumeGeometry series, int[] shape)
            throws IOException {
        NiftiImage image = NiftiReader.read(path);
        if (image.volumeCount() != 1) {
            throw new IOException(path + ": holds " + image.volumeCount() + " volumes; a label image is 3D");
        }
        int channels = image.dataType().channels();
        if (channels != 1) {
            throw new IOException(path + ": " + image.dataType() + " voxels; labels are one number per voxel");
        }
        LabelGrid grid = LabelGrid.match(path.toString(), NiftiVolumes.geometry(image.header()), image.volumeShape(),
                series, shape, tolerance);
        messages.progress(String.format(Locale.ROOT, "%s: on the series' grid (%s; voxels within %.2g mm)", path,
                grid.describe(), grid.deviation()));
        return new LabelInputs.LabelFile(path.toString(), image, grid, segments);
    }

    /** Series attributes of the metadata as write options. */
    private SegWriteOptions options(SegmentationMetadata m, SegmentationType segmentationType) throws IOException {
        SegWriteOptions.Builder b = SegWriteOptions.builder().type(segmentationType).keepEmptyFrames(keepEmptyFrames)
                .threads(threads);
        if (m.seriesDescription() != null) {
            b.seriesDescription(m.seriesDescription());
        }
        if (m.seriesNumber() != null) {
            b.seriesNumber(integer(m.seriesNumber(), "SeriesNumber"));
        }
        if (m.instanceNumber() != null) {
            b.instanceNumber(integer(m.instanceNumber(), "InstanceNumber"));
        }
        if (m.contentLabel() != null) {
            b.contentLabel(m.contentLabel());
        }
        b.contentDescription(m.contentDescription()).contentCreatorName(m.contentCreatorName())
                .bodyPartExamined(m.bodyPartExamined()).clinicalTrialTimePointId(m.clinicalTrialTimePointID())
                .clinicalTrialCoordinatingCenterName(m.clinicalTrialCoordinatingCenterName())
                .clinicalTrialSeriesId(m.clinicalTrialSeriesID());
        return b.build();
    }

    private int integer(String value, String name) throws IOException {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IOException(meta + ": $." + name + " is '" + value + "', expected a whole number");
        }
    }

    private static List<Path> concat(List<Path> paths, Path more) {
        List<Path> all = new ArrayList<>(paths);
        all.add(more);
        return all;
    }
}

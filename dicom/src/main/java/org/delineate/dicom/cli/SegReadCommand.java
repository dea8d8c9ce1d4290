package org.delineate.dicom.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.delineate.dicom.nifti.NiftiHeader;
import org.delineate.dicom.nifti.NiftiVolumeWriter;
import org.delineate.dicom.nifti.NiftiWriter;
import org.delineate.dicom.pixel.ModalityLut;
import org.delineate.dicom.seg.LabeledSegment;
import org.delineate.dicom.seg.PlacementOptions;
import org.delineate.dicom.seg.PlacementTarget;
import org.delineate.dicom.seg.SegmentDescription;
import org.delineate.dicom.seg.SegmentVolumes;
import org.delineate.dicom.seg.SegmentationFile;
import org.delineate.dicom.seg.SegmentationInfo;
import org.delineate.dicom.seg.SegmentationReader;
import org.delineate.dicom.seg.SegmentationType;
import org.delineate.dicom.seg.meta.DcmqiMetadata;
import org.delineate.dicom.seg.meta.SegmentationMetadata;
import org.delineate.dicom.volume.SampleType;
import org.delineate.dicom.volume.Volume;

/**
 * {@code delineate seg read SEG.dcm [--source DICOM_DIR] --out-dir DIR}: a DICOM Segmentation (BINARY, FRACTIONAL or
 * LABELMAP) as label NIfTI files on the grid of the source series (without {@code --source}, on the grid the
 * segmentation's own frames span) and {@code meta.json} in dcmqi's format. When no two segments overlap (and the
 * segmentation is not FRACTIONAL): one label map {@code labels.nii.gz}, voxel value = Segment Number = labelID;
 * otherwise {@code segment-N.nii.gz} per segment N, 0/1 (labelID 1), FRACTIONAL ones uint8 stored values with
 * scl_slope 1/Maximum Fractional Value so that readers see fractions 0..1. Every file is written atomically.
 */
public final class SegReadCommand implements CliCommand {

    /** The merged label map's file name. */
    static final String LABEL_MAP = "labels.nii.gz";
    /** The metadata's file name. */
    static final String META = "meta.json";

    private static final Syntax SYNTAX = Syntax.command("read",
            "Read a DICOM Segmentation into label NIfTI file(s) and dcmqi metadata JSON (meta.json).",
            "One label map labels.nii.gz when segments do not overlap, else segment-N.nii.gz per segment.")
            .parameter("SEG.dcm", "the segmentation to read")
            .option("--source", "DICOM_DIR", "folder with the DICOM series the segmentation was drawn on: the NIfTIs "
                    + "get its grid (default: the grid of the segmentation's own frames)")
            .required("--out-dir", "DIR", "folder for the NIfTI files and meta.json (created if needed)")
            .option("--threads", "N", "files read at once (default: the number of processors)");

    private Path seg;
    private Path source;
    private Path outDir;
    private int threads;

    @Override
    public Syntax syntax() {
        return SYNTAX;
    }

    private SegCommand.Messages messages;

    @Override
    public int run(Invocation call) {
        seg = call.parameterPath("SEG.dcm");
        source = call.path("--source");
        outDir = call.path("--out-dir");
        threads = call.integer("--threads", Runtime.getRuntime().availableProcessors());
        messages = new SegCommand.Messages("delineate seg read", call.err());
        if (threads < 1) {
            throw new UsageException("--threads must be at least 1, not " + threads);
        }
        try {
            if (!Files.isRegularFile(seg)) {
                return messages.fail(seg + ": no such file");
            }
            SegmentationFile file = SegmentationReader.read(seg);
            SegmentVolumes placed;
            if (source != null) {
                var stack = SourceSeries.stack(source, threads);
                placed = file.place(PlacementTarget.of(stack), PlacementOptions.defaults());
                messages.progress("placed on the grid of the source series " + SourceSeries.shape(stack));
            } else {
                placed = file.placeOnOwnGrid(PlacementOptions.defaults());
                PlacementTarget g = placed.grid();
                messages.progress("placed on the segmentation's own grid " + g.columns() + " x " + g.rows() + " x "
                        + g.slices());
            }
            placed.notes().forEach(messages::note);
            Files.createDirectories(outDir);
            List<SegmentDescription> segments = placed.segments().stream().filter(s -> s.segmentNumber() > 0).toList();
            SegmentationMetadata.Builder meta = metadata(file.info());
            if (!placed.overlapping() && file.type() != SegmentationType.FRACTIONAL) {
                write(placed.labelMap(), LABEL_MAP);
                meta.singleFile(segments.stream().map(s -> new LabeledSegment(s.segmentNumber(), s)).toList())
                        .segmentAttributesFileMapping(List.of(LABEL_MAP));
            } else {
                List<List<LabeledSegment>> files = new ArrayList<>();
                List<String> names = new ArrayList<>();
                for (SegmentDescription s : segments) {
                    String name = "segment-" + s.segmentNumber() + ".nii.gz";
                    Volume v = placed.segmentVolume(s.segmentNumber());
                    write(file.type() == SegmentationType.FRACTIONAL ? fractions(v, file.maximumFractionalValue()) : v,
                            name);
                    files.add(List.of(new LabeledSegment(1, s)));
                    names.add(name);
                }
                meta.segmentAttributes(files).segmentAttributesFileMapping(names);
            }
            SegmentationMetadata metadata = meta.build();
            List<String> problems = DcmqiMetadata.problems(metadata);
            if (!problems.isEmpty()) {
                return messages.fail(seg + ": " + META + " not written, the segment descriptions do not fit dcmqi's "
                        + "schema: " + String.join("; ", problems));
            }
            DcmqiMetadata.write(metadata, outDir.resolve(META));
            messages.progress(String.format(Locale.ROOT, "wrote %s: %s, %d segment%s%s", outDir, file.type(),
                    segments.size(), segments.size() == 1 ? "" : "s", placed.overlapping()
                            || file.type() == SegmentationType.FRACTIONAL ? ", one NIfTI each" : ", one label map"));
            return 0;
        } catch (IOException e) {
            return messages.fail(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return messages.fail("interrupted");
        }
    }

    private void write(Volume volume, String name) throws IOException {
        Path target = outDir.resolve(name);
        NiftiWriter.write(NiftiVolumeWriter.toImage(List.of(volume), NiftiHeader.XFORM_SCANNER_ANAT), target);
        messages.progress("wrote " + target);
    }

    /** A FRACTIONAL segment's stored values with the slope that makes them fractions 0..1 (scl_slope in NIfTI). */
    private static Volume fractions(Volume stored, int maximumFractionalValue) {
        Volume.Builder b = Volume.builder().image(stored.image(), SampleType.UINT8, 0).geometry(stored.geometry())
                .frameOfReferenceUid(stored.frameOfReferenceUid())
                .modalityLut(new ModalityLut(1.0 / maximumFractionalValue, 0, ""));
        stored.sources().forEach(b::source);
        return b.build();
    }

    private static SegmentationMetadata.Builder metadata(SegmentationInfo info) {
        return SegmentationMetadata.builder().seriesDescription(info.seriesDescription())
                .seriesNumber(info.seriesNumber() == null ? null : String.valueOf(info.seriesNumber()))
                .instanceNumber(info.instanceNumber() == null ? null : String.valueOf(info.instanceNumber()))
                .contentLabel(info.contentLabel()).contentDescription(info.contentDescription())
                .contentCreatorName(info.contentCreatorName()).bodyPartExamined(info.bodyPartExamined())
                .clinicalTrialTimePointID(info.clinicalTrialTimePointId())
                .clinicalTrialCoordinatingCenterName(info.clinicalTrialCoordinatingCenterName())
                .clinicalTrialSeriesID(info.clinicalTrialSeriesId());
    }
}

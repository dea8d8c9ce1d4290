package org.delineate.dicom.series;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Sequence;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.data.Values;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.pixel.ModalityLut;
import org.delineate.dicom.pixel.PixelData;

/**
 * Turns the header of an image instance into one {@link FrameHeader} per frame: classic single-frame
 * images, classic multi-frame images (all frames share the top-level attributes), and enhanced or
 * legacy converted enhanced multi-frame images, whose frames are described by the Per-Frame and Shared
 * Functional Groups (PS3.3 C.7.6.16). Stateless.
 */
final class FrameHeaderReader {

    /** The Frame Type (0008,9007) of enhanced frames sits in a modality-specific "... Frame Type Sequence". */
    private static final int FRAME_TYPE = 0x00089007;

    /** NB: a header-only read cannot check NumberOfFrames against the pixel data, so it is capped. */
    private static final int MAX_CLASSIC_FRAMES = 100_000;

    private FrameHeaderReader() {
    }

    /** The frames of the instance in {@code file} whose header (without Pixel Data) is {@code ds}. */
    static List<FrameHeader> frames(Path file, DataSet ds) {
        return frames(file, ds, null);
    }

    /**
     * The frames of the instance in {@code file} whose header is {@code ds}; {@code pixels} (null when
     * unknown) is where its Pixel Data is, given to every frame.
     */
    static List<FrameHeader> frames(Path file, DataSet ds, PixelData pixels) {
        Sequence perFrame = ds.getSequence(Tag.PerFrameFunctionalGroupsSequence);
        int numberOfFrames = Math.max(1, ds.getInt(Tag.NumberOfFrames, 1));
        List<FrameHeader> frames = new ArrayList<>();
        if (perFrame != null) {
            // NB: one frame per item, so a hostile NumberOfFrames allocates nothing; a mismatch makes every frame unusable.
            String mismatch = perFrame.size() == numberOfFrames ? null : "PerFrameFunctionalGroupsSequence (5200,9230) has "
                    + perFrame.size() + " items, expected " + numberOfFrames + " (NumberOfFrames (0028,0008))";
            DataSet shared = first(ds.getSequence(Tag.SharedFunctionalGroupsSequence));
            for (int f = 0; f < perFrame.size(); f++) {
                FrameHeader.Builder b = common(file, ds, numberOfFrames, pixels).frameNumber(f + 1);
                enhanced(b, ds, new FunctionalGroups(perFrame.get(f), shared), f);
                frames.add(b.problem(mismatch).build());
            }
            return frames;
        }
        if (numberOfFrames == 1) {
            FrameHeader.Builder b = common(file, ds, 1, pixels).frameNumber(0);
            classic(b, ds);
            frames.add(b.build());
            return frames;
        }
        if (numberOfFrames > MAX_CLASSIC_FRAMES) {
            FrameHeader.Builder b = common(file, ds, numberOfFrames, pixels).frameNumber(1);
            classic(b, ds);
            frames.add(b.problem("NumberOfFrames (0028,0008) is " + numberOfFrames + ", more than the "
                    + MAX_CLASSIC_FRAMES + " accepted for a multi-frame image without functional groups").build());
            return frames;
        }
        for (int f = 0; f < numberOfFrames; f++) {
            FrameHeader.Builder b = common(file, ds, numberOfFrames, pixels).frameNumber(f + 1);
            classic(b, ds);
            // NB: a classic multi-frame image gives one position for all its frames; without a position per
            // frame the frames are stacked in frame order with nominal geometry.
            b.imagePositionPatient((double[]) null);
            frames.add(b.build());
        }
        return frames;
    }

    private static FrameHeader.Builder common(Path file, DataSet ds, int numberOfFrames, PixelData pixels) {
        int instanceNumber = ds.getInt(Tag.InstanceNumber, Integer.MIN_VALUE);
        return FrameHeader.builder().file(file).numberOfFrames(numberOfFrames).pixelData(pixels)
                .sopClassUid(ds.getString(Tag.SOPClassUID)).sopInstanceUid(ds.getString(Tag.SOPInstanceUID))
                .instanceNumber(instanceNumber == Integer.MIN_VALUE ? null : instanceNumber)
                .series(SeriesInfo.of(ds)).frameOfReferenceUid(ds.getString(Tag.FrameOfReferenceUID))
                .rows(ds.getInt(Tag.Rows, 0)).columns(ds.getInt(Tag.Columns, 0));
    }

    private static void classic(FrameHeader.Builder b, DataSet ds) {
        double[] position = ds.getDoubles(Tag.ImagePositionPatient);
        double[] orientation = ds.getDoubles(Tag.ImageOrientationPatient);
        double[] spacing = ds.getDoubles(Tag.PixelSpacing);
        b.imagePositionPatient(position).imageOrientationPatient(orientation).pixelSpacing(spacing)
                .sliceThickness(ds.getDouble(Tag.SliceThickness, Double.NaN))
                .spacingBetweenSlices(ds.getDouble(Tag.SpacingBetweenSlices, Double.NaN))
                .modalityLut(ModalityLut.of(ds)).imageType(List.of(ds.getStrings(Tag.ImageType)))
                .echoNumber(integer(ds, Tag.EchoNumbers)).echoTime(ds.getDouble(Tag.EchoTime, Double.NaN))
                .temporalPositionIndex(integer(ds, Tag.TemporalPositionIdentifier))
                .acquisitionNumber(integer(ds, Tag.AcquisitionNumber))
                .triggerTime(ds.getDouble(Tag.TriggerTime, Double.NaN))
                .acquisitionTime(ds.getString(Tag.AcquisitionTime));
        if (Arrays.asList(ds.getStrings(Tag.ImageType)).contains("MOSAIC")) {
            mosaic(b, ds, position, orientation, spacing);
        }
    }

    private static void enhanced(FrameHeader.Builder b, DataSet ds, FunctionalGroups groups, int frameIndex) {
        DataSet position = groups.item(Tag.PlanePositionSequence);
        DataSet orientation = groups.item(Tag.PlaneOrientationSequence);
        DataSet measures = groups.item(Tag.PixelMeasuresSequence);
        DataSet content = groups.item(Tag.FrameContentSequence);
        DataSet echo = groups.item(Tag.MREchoSequence);
        DataSet cardiac = groups.item(Tag.CardiacSynchronizationSequence);
        DataSet frameType = groups.itemContaining(FRAME_TYPE);
        DataSet spacing = measures != null && measures.contains(Tag.PixelSpacing) ? measures : ds;
        b.imagePositionPatient(position == null ? null : position.getDoubles(Tag.ImagePositionPatient))
                .imageOrientationPatient((orientation == null ? ds : orientation).getDoubles(Tag.ImageOrientationPatient))
                .pixelSpacing(spacing.getDoubles(Tag.PixelSpacing))
                .sliceThickness(first(measures, ds, Tag.SliceThickness))
                .spacingBetweenSlices(first(measures, ds, Tag.SpacingBetweenSlices))
                .modalityLut(ModalityLut.of(ds, frameIndex))
                .imageType(List.of((frameType != null ? frameType : ds).getStrings(frameType != null ? FRAME_TYPE
                        : Tag.ImageType)))
                .echoTime(echo != null ? echo.getDouble(Tag.EffectiveEchoTime, Double.NaN)
                        : ds.getDouble(Tag.EchoTime, Double.NaN))
                .triggerTime(cardiac != null ? cardiac.getDouble(Tag.NominalCardiacTriggerDelayTime, Double.NaN)
                        : Double.NaN)
                .acquisitionNumber(integer(ds, Tag.AcquisitionNumber))
                .acquisitionTime(ds.getString(Tag.AcquisitionTime));
        if (content != null) {
            Integer frameAcquisition = integer(content, Tag.FrameAcquisitionNumber);
            if (frameAcquisition != null) {
                b.acquisitionNumber(frameAcquisition);
            }
            String frameTime = content.getString(Tag.FrameAcquisitionDateTime);
            if (frameTime != null) {
                b.acquisitionTime(frameTime);
            }
            int[] dimensionIndexValues = content.getInts(Tag.DimensionIndexValues);
            b.stackId(content.getString(Tag.StackID)).inStackPositionNumber(integer(content, Tag.InStackPositionNumber))
                    .temporalPositionIndex(integer(content, Tag.TemporalPositionIndex))
                    .dimensionIndexValues(dimensionIndexValues.length == 0 ? null : dimensionIndexValues);
        }
    }

    private static double first(DataSet preferred, DataSet fallback, int tag) {
        double value = preferred == null ? Double.NaN : preferred.getDouble(tag, Double.NaN);
        return Double.isNaN(value) ? fallback.getDouble(tag, Double.NaN) : value;
    }

    /** Recognizes a Siemens mosaic and describes its tiles, or records why its slices cannot be unpacked. */
    private static void mosaic(FrameHeader.Builder b, DataSet ds, double[] position, double[] orientation,
            double[] spacing) {
        CsaHeader csa = null;
        String csaProblem = null;
        DataElement csaElement = ds.getPrivate("SIEMENS CSA HEADER", 0x0029, 0x10);
        if (csaElement != null && csaElement.hasBytes()) {
            try {
                csa = CsaHeader.parse(csaElement.bytes());
            } catch (IllegalArgumentException e) {
                csaProblem = "the CSA Image Header Info (0029,xx10) cannot be read (" + e.getMessage() + ")";
            }
        }
        int slices = 0;
        DataElement count = ds.getPrivate("SIEMENS MR HEADER", 0x0019, 0x0A);
        if (count != null && count.hasBytes() && count.length() >= 2) {
            slices = (int) Values.longs(Arrays.copyOf(count.bytes(), 2), VR.US, ds.bigEndian())[0];
        }
        if (slices <= 0 && csa != null) {
            slices = csa.intValue("NumberOfImagesInMosaic", 0);
        }
        if (slices <= 0) {
            b.problem("Siemens mosaic (ImageType MOSAIC) without the number of slices: neither (0019,xx0A) "
                    + "NumberOfImagesInMosaic of \"SIEMENS MR HEADER\" nor CSA \"NumberOfImagesInMosaic\" in (0029,xx10)"
                    + (csaProblem == null ? "" : "; " + csaProblem));
            return;
        }
        if (position == null || position.length < 3 || orientation == null || orientation.length < 6 || spacing == null
                || spacing.length < 2) {
            b.problem("Siemens mosaic without ImagePositionPatient (0020,0032), ImageOrientationPatient (0020,0037) "
                    + "or PixelSpacing (0028,0030): its slices cannot be placed");
            return;
        }
        double between = ds.getDouble(Tag.SpacingBetweenSlices, Double.NaN);
        double step = between > 0 ? between : ds.getDouble(Tag.SliceThickness, Double.NaN);
        double[] normal = csa == null ? null : csa.doubles("SliceNormalVector", 3);
        if (normal != null && !(Math.abs(normal[0]) + Math.abs(normal[1]) + Math.abs(normal[2]) > 0)) {
            normal = null;
        }
        if (!(step > 0)) {
            b.problem("Siemens mosaic without SpacingBetweenSlices (0018,0088) or SliceThickness (0018,0050): "
                    + "the distance between its slices is unknown");
            return;
        }
        try {
            b.mosaic(Mosaic.of(ds.getInt(Tag.Rows, 0), ds.getInt(Tag.Columns, 0), slices, position, orientation,
                    spacing, normal, step));
        } catch (IllegalArgumentException e) {
            b.problem("Siemens mosaic that cannot be unpacked: " + e.getMessage());
        }
    }

    static Integer integer(DataSet ds, int tag) {
        long[] values;
        try {
            values = ds.getLongs(tag);
        } catch (RuntimeException e) {
            return null;
        }
        return values.length == 0 ? null : (int) values[0];
    }

    private static DataSet first(Sequence sequence) {
        return sequence == null || sequence.isEmpty() ? null : sequence.get(0);
    }

    /** The functional group macros of one frame: its own (Per-Frame) item first, then the Shared one. */
    private record FunctionalGroups(DataSet own, DataSet shared) {

        /** The first item of the macro's sequence, from the per-frame item, else the shared item; or null. */
        DataSet item(int sequenceTag) {
            for (DataSet group : new DataSet[] {own, shared}) {
                DataSet item = group == null ? null : first(group.getSequence(sequenceTag));
                if (item != null) {
                    return item;
                }
            }
            return null;
        }

        /** The first item of any macro sequence whose item holds {@code tag} (per-frame first), or null. */
        DataSet itemContaining(int tag) {
            for (DataSet group : new DataSet[] {own, shared}) {
                if (group == null) {
                    continue;
                }
                for (DataElement e : group) {
                    DataSet item = e.isSequence() ? first(e.sequence()) : null;
                    if (item != null && item.contains(tag)) {
                        return item;
                    }
                }
            }
            return null;
        }
    }
}

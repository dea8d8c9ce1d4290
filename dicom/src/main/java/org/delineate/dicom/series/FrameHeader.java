package org.delineate.dicom.series;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.delineate.dicom.pixel.ModalityLut;
import org.delineate.dicom.pixel.PixelData;
import org.delineate.dicom.volume.SourceFrame;

/**
 * What one image frame's header says about where the frame is and what it shows: everything needed to
 * split frames into stacks and sort them, without the pixels. Immutable; built with {@link #builder()}.
 *
 * <p>Geometry is DICOM's patient coordinate system (LPS, mm). For enhanced multi-frame objects the
 * values come from the frame's Per-Frame Functional Groups, else the Shared Functional Groups, else the
 * top level. Absent numbers are {@code NaN} (decimals) or null (integers, arrays, strings).
 */
public final class FrameHeader {

    private final Path file;
    private final int frameNumber;
    private final int numberOfFrames;
    private final String sopClassUid;
    private final String sopInstanceUid;
    private final Integer instanceNumber;
    private final SeriesInfo series;
    private final String frameOfReferenceUid;
    private final int rows;
    private final int columns;
    private final double[] imagePositionPatient;
    private final double[] imageOrientationPatient;
    private final double[] pixelSpacing;
    private final double sliceThickness;
    private final double spacingBetweenSlices;
    private final ModalityLut modalityLut;
    private final List<String> imageType;
    private final Integer echoNumber;
    private final double echoTime;
    private final Integer temporalPositionIndex;
    private final Integer acquisitionNumber;
    private final double triggerTime;
    private final String acquisitionTime;
    private final String stackId;
    private final Integer inStackPositionNumber;
    private final int[] dimensionIndexValues;
    private final Mosaic mosaic;
    private final PixelData pixelData;
    private final String problem;

    private FrameHeader(Builder b) {
        this.file = Objects.requireNonNull(b.file, "file");
        this.frameNumber = b.frameNumber;
        this.numberOfFrames = b.numberOfFrames;
        this.sopClassUid = b.sopClassUid;
        this.sopInstanceUid = b.sopInstanceUid;
        this.instanceNumber = b.instanceNumber;
        this.series = b.series;
        this.frameOfReferenceUid = b.frameOfReferenceUid;
        this.rows = b.rows;
        this.columns = b.columns;
        this.imagePositionPatient = copy(b.imagePositionPatient, 3);
        this.imageOrientationPatient = copy(b.imageOrientationPatient, 6);
        this.pixelSpacing = copy(b.pixelSpacing, 2);
        this.sliceThickness = b.sliceThickness;
        this.spacingBetweenSlices = b.spacingBetweenSlices;
        this.modalityLut = b.modalityLut == null ? ModalityLut.IDENTITY : b.modalityLut;
        this.imageType = b.imageType == null ? List.of() : List.copyOf(b.imageType);
        this.echoNumber = b.echoNumber;
        this.echoTime = b.echoTime;
        this.temporalPositionIndex = b.temporalPositionIndex;
        this.acquisitionNumber = b.acquisitionNumber;
        this.triggerTime = b.triggerTime;
        this.acquisitionTime = b.acquisitionTime;
        this.stackId = b.stackId;
        this.inStackPositionNumber = b.inStackPositionNumber;
        this.dimensionIndexValues = b.dimensionIndexValues == null ? null : b.dimensionIndexValues.clone();
        this.mosaic = b.mosaic;
        this.pixelData = b.pixelData;
        this.problem = b.problem;
    }

    /** A value array of the expected length, copied; null when absent, too short or not finite (then unusable). */
    private static double[] copy(double[] values, int length) {
        if (values == null || values.length < length) {
            return null;
        }
        for (int i = 0; i < length; i++) {
            if (!Double.isFinite(values[i])) {
                return null;
            }
        }
        return java.util.Arrays.copyOf(values, length);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The file the frame is in. */
    public Path file() {
        return file;
    }

    /** The 1-based frame number in a multi-frame instance, 0 for a single-frame instance. */
    public int frameNumber() {
        return frameNumber;
    }

    /** NumberOfFrames (0028,0008) of the instance, 1 when absent. */
    public int numberOfFrames() {
        return numberOfFrames;
    }

    public String sopClassUid() {
        return sopClassUid;
    }

    public String sopInstanceUid() {
        return sopInstanceUid;
    }

    /** InstanceNumber (0020,0013), or null. */
    public Integer instanceNumber() {
        return instanceNumber;
    }

    /** The series and study attributes of the instance (contains PHI: never log it). */
    public SeriesInfo series() {
        return series;
    }

    /** SeriesInstanceUID (0020,000E), or null. */
    public String seriesInstanceUid() {
        return series == null ? null : series.seriesInstanceUid();
    }

    /** FrameOfReferenceUID (0020,0052), or null. */
    public String frameOfReferenceUid() {
        return frameOfReferenceUid;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /** ImagePositionPatient (0020,0032): LPS mm of the centre of the first pixel, or null. */
    public double[] imagePositionPatient() {
        return imagePositionPatient == null ? null : imagePositionPatient.clone();
    }

    /** ImageOrientationPatient (0020,0037): row then column direction cosines (LPS), or null. */
    public double[] imageOrientationPatient() {
        return imageOrientationPatient == null ? null : imageOrientationPatient.clone();
    }

    /** PixelSpacing (0028,0030): row spacing then column spacing, mm, or null. */
    public double[] pixelSpacing() {
        return pixelSpacing == null ? null : pixelSpacing.clone();
    }

    /** SliceThickness (0018,0050) in mm, or NaN. */
    public double sliceThickness() {
        return sliceThickness;
    }

    /** SpacingBetweenSlices (0018,0088) in mm, or NaN. */
    public double spacingBetweenSlices() {
        return spacingBetweenSlices;
    }

    /**
     * Where the pixels of this frame's file are and how they are encoded, when the scan could tell without
     * reading them (Pixel Data left in the file), so that reading the volume need not parse the header
     * again; null when the file must be read again (pixels in memory, palette color, or a description the
     * pixel reader refuses: reading the volume then reports why).
     */
    public PixelData pixelData() {
        return pixelData;
    }

    /** Rescale Slope, Intercept and Type of this frame. */
    public ModalityLut modalityLut() {
        return modalityLut;
    }

    /** ImageType (0008,0008) values, or for enhanced objects the frame's FrameType (0008,9007); empty when absent. */
    public List<String> imageType() {
        return imageType;
    }

    /** EchoNumbers (0018,0086), or null (enhanced MR has none; see {@link #echoTime()}). */
    public Integer echoNumber() {
        return echoNumber;
    }

    /** EchoTime (0018,0081), or the frame's EffectiveEchoTime (0018,9082), in ms; NaN when absent. */
    public double echoTime() {
        return echoTime;
    }

    /** TemporalPositionIndex (0020,9128) of an enhanced frame, or TemporalPositionIdentifier (0020,0100); or null. */
    public Integer temporalPositionIndex() {
        return temporalPositionIndex;
    }

    /** AcquisitionNumber (0020,0012), or an enhanced frame's FrameAcquisitionNumber (0020,9156); or null. */
    public Integer acquisitionNumber() {
        return acquisitionNumber;
    }

    /** TriggerTime (0018,1060) in ms, or NaN. */
    public double triggerTime() {
        return triggerTime;
    }

    /** AcquisitionTime (0008,0032) or FrameAcquisitionDateTime (0018,9074) as written, or null (for ordering only). */
    public String acquisitionTime() {
        return acquisitionTime;
    }

    /** StackID (0020,9056) of an enhanced frame, or null. */
    public String stackId() {
        return stackId;
    }

    /** InStackPositionNumber (0020,9057), 1-based, or null. */
    public Integer inStackPositionNumber() {
        return inStackPositionNumber;
    }

    /** DimensionIndexValues (0020,9157) of an enhanced frame, or null. */
    public int[] dimensionIndexValues() {
        return dimensionIndexValues == null ? null : dimensionIndexValues.clone();
    }

    /** The tile layout when the frame is a Siemens mosaic, else null. */
    public Mosaic mosaic() {
        return mosaic;
    }

    /** Why the frame cannot be placed in a volume (e.g. a mosaic whose slice count is unknown), or null. */
    public String problem() {
        return problem;
    }

    /** True when position, orientation and spacing are all present, so the frame can be placed in the patient. */
    public boolean hasGeometry() {
        return imagePositionPatient != null && imageOrientationPatient != null && pixelSpacing != null;
    }

    /** The frame as a {@link SourceFrame}. */
    public SourceFrame source() {
        return new SourceFrame(sopClassUid, sopInstanceUid, frameNumber);
    }

    @Override
    public String toString() {
        return "FrameHeader[" + file.getFileName() + (frameNumber > 0 ? " frame " + frameNumber : "") + "]";
    }

    /** Builds a {@link FrameHeader}; only the file is required. */
    public static final class Builder {
        private Path file;
        private int frameNumber;
        private int numberOfFrames = 1;
        private String sopClassUid;
        private String sopInstanceUid;
        private Integer instanceNumber;
        private SeriesInfo series;
        private String frameOfReferenceUid;
        private int rows;
        private int columns;
        private double[] imagePositionPatient;
        private double[] imageOrientationPatient;
        private double[] pixelSpacing;
        private double sliceThickness = Double.NaN;
        private double spacingBetweenSlices = Double.NaN;
        private ModalityLut modalityLut;
        private List<String> imageType;
        private Integer echoNumber;
        private double echoTime = Double.NaN;
        private Integer temporalPositionIndex;
        private Integer acquisitionNumber;
        private double triggerTime = Double.NaN;
        private String acquisitionTime;
        private String stackId;
        private Integer inStackPositionNumber;
        private int[] dimensionIndexValues;
        private Mosaic mosaic;
        private PixelData pixelData;
        private String problem;

        private Builder() {
        }

        public Builder file(Path v) { file = v; return this; }
        public Builder frameNumber(int v) { frameNumber = v; return this; }
        public Builder numberOfFrames(int v) { numberOfFrames = v; return this; }
        public Builder sopClassUid(String v) { sopClassUid = v; return this; }
        public Builder sopInstanceUid(String v) { sopInstanceUid = v; return this; }
        public Builder instanceNumber(Integer v) { instanceNumber = v; return this; }
        public Builder series(SeriesInfo v) { series = v; return this; }
        public Builder frameOfReferenceUid(String v) { frameOfReferenceUid = v; return this; }
        public Builder rows(int v) { rows = v; return this; }
        public Builder columns(int v) { columns = v; return this; }
        public Builder imagePositionPatient(double... v) { imagePositionPatient = v; return this; }
        public Builder imageOrientationPatient(double... v) { imageOrientationPatient = v; return this; }
        public Builder pixelSpacing(double... v) { pixelSpacing = v; return this; }
        public Builder sliceThickness(double v) { sliceThickness = v; return this; }
        public Builder spacingBetweenSlices(double v) { spacingBetweenSlices = v; return this; }
        public Builder modalityLut(ModalityLut v) { modalityLut = v; return this; }
        public Builder imageType(List<String> v) { imageType = v; return this; }
        public Builder echoNumber(Integer v) { echoNumber = v; return this; }
        public Builder echoTime(double v) { echoTime = v; return this; }
        public Builder temporalPositionIndex(Integer v) { temporalPositionIndex = v; return this; }
        public Builder acquisitionNumber(Integer v) { acquisitionNumber = v; return this; }
        public Builder triggerTime(double v) { triggerTime = v; return this; }
        public Builder acquisitionTime(String v) { acquisitionTime = v; return this; }
        public Builder stackId(String v) { stackId = v; return this; }
        public Builder inStackPositionNumber(Integer v) { inStackPositionNumber = v; return this; }
        public Builder dimensionIndexValues(int[] v) { dimensionIndexValues = v; return this; }
        public Builder mosaic(Mosaic v) { mosaic = v; return this; }
        public Builder pixelData(PixelData v) { pixelData = v; return this; }
        public Builder problem(String v) { problem = v; return this; }

        public FrameHeader build() {
            return new FrameHeader(this);
        }
    }
}

package org.delineate.dicom.volume;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.planar.PlanarImg;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.geometry.VolumeGeometry;
import org.delineate.dicom.pixel.ModalityLut;

/**
 * A 3D image with its place in the patient: one primitive array per slice, held in an ImgLib2
 * {@link PlanarImg} (so that ImageJ can show the same arrays without copying), the geometry (LPS,
 * mm), the modality LUT of each slice, the DICOM frames it came from, and what was noticed while
 * assembling it. Not thread-safe for writes to the voxels; the metadata is immutable.
 *
 * <p>Dimensions are (columns, rows, slices) = (i, j, k), as {@link VolumeGeometry} indexes them.
 * Samples are the stored values plus {@link #storedOffset()} (see {@link SampleType}); the modality
 * value of slice k is {@code modalityLut(k).apply(sample - storedOffset)}.
 */
public final class Volume {

    private final PlanarImg<?, ?> image;
    private final SampleType sampleType;
    private final int storedOffset;
    private final VolumeGeometry geometry;
    private final List<ModalityLut> modalityLuts;
    private final List<SourceFrame> sources;
    private final String frameOfReferenceUid;
    private final List<WindowPreset> windows;
    private final List<String> notes;
    private final DataSet header;

    private Volume(Builder b) {
        this.image = Objects.requireNonNull(b.image, "image");
        this.sampleType = Objects.requireNonNull(b.sampleType, "sampleType");
        this.storedOffset = b.storedOffset;
        this.geometry = Objects.requireNonNull(b.geometry, "geometry");
        int slices = (int) image.dimension(2);
        if (!b.modalityLuts.isEmpty() && b.modalityLuts.size() != 1 && b.modalityLuts.size() != slices) {
            throw new IllegalArgumentException("give no modality LUT (identity), one, or one per slice (" + slices + "), not "
                    + b.modalityLuts.size());
        }
        if (!b.sources.isEmpty() && b.sources.size() != slices) {
            throw new IllegalArgumentException("give one source frame per slice (" + slices + "), not " + b.sources.size());
        }
        this.modalityLuts = List.copyOf(b.modalityLuts.isEmpty() ? List.of(ModalityLut.IDENTITY) : b.modalityLuts);
        this.sources = List.copyOf(b.sources);
        this.frameOfReferenceUid = b.frameOfReferenceUid;
        this.windows = List.copyOf(b.windows);
        this.notes = List.copyOf(b.notes);
        this.header = b.header;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The voxels: (columns, rows, slices), one array per slice. */
    public PlanarImg<?, ?> image() {
        return image;
    }

    public SampleType sampleType() {
        return sampleType;
    }

    /** Added to stored values to make samples: 128 or 32768 for signed 8- or 16-bit data, else 0. */
    public int storedOffset() {
        return storedOffset;
    }

    public int columns() {
        return (int) image.dimension(0);
    }

    public int rows() {
        return (int) image.dimension(1);
    }

    public int slices() {
        return (int) image.dimension(2);
    }

    /** The primitive array of slice k ({@code byte[]}, {@code short[]}, {@code float[]} or {@code int[]}), shared, not copied. */
    public Object plane(int k) {
        return ((ArrayDataAccess<?>) image.getPlane(k)).getCurrentStorageArray();
    }

    public VolumeGeometry geometry() {
        return geometry;
    }

    /** The modality LUT of slice k (Rescale Slope/Intercept/Type; identity when the source had none). */
    public ModalityLut modalityLut(int k) {
        return modalityLuts.size() == 1 ? modalityLuts.get(0) : modalityLuts.get(k);
    }

    /** True when every slice has the same modality LUT. */
    public boolean uniformModalityLut() {
        return modalityLuts.stream().distinct().count() == 1;
    }

    /** The DICOM frame each slice came from, in slice order; empty for volumes not read from DICOM. */
    public List<SourceFrame> sources() {
        return sources;
    }

    /** Frame of Reference UID (0020,0052) of the source, or null. */
    public String frameOfReferenceUid() {
        return frameOfReferenceUid;
    }

    /** Window presets from the source header (first), then none added here. */
    public List<WindowPreset> windows() {
        return windows;
    }

    /** What was noticed while assembling the volume (non-uniform spacing, missing slices, ...), for the user. */
    public List<String> notes() {
        return notes;
    }

    /** A representative header (the first slice's, without Pixel Data), or null for volumes not read from DICOM. */
    public DataSet header() {
        return header;
    }

    /** The modality value (e.g. HU) of voxel (i, j, k); for RGB volumes the packed sample. */
    public double modalityValue(int i, int j, int k) {
        int index = j * columns() + i;
        double sample;
        switch (sampleType) {
            case UINT8: sample = ((byte[]) plane(k))[index] & 0xFF; break;
            case UINT16: sample = ((short[]) plane(k))[index] & 0xFFFF; break;
            case FLOAT32: sample = ((float[]) plane(k))[index]; break;
            default: return ((int[]) plane(k))[index];
        }
        return modalityLut(k).apply(sample - storedOffset);
    }

    /** Builds a {@link Volume}; image, sample type and geometry are required. */
    public static final class Builder {
        private PlanarImg<?, ?> image;
        private SampleType sampleType;
        private int storedOffset;
        private VolumeGeometry geometry;
        private final List<ModalityLut> modalityLuts = new ArrayList<>();
        private final List<SourceFrame> sources = new ArrayList<>();
        private String frameOfReferenceUid;
        private final List<WindowPreset> windows = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private DataSet header;

        private Builder() {
        }

        public Builder image(PlanarImg<?, ?> image, SampleType type, int storedOffset) {
            this.image = image;
            this.sampleType = type;
            this.storedOffset = storedOffset;
            return this;
        }

        public Builder geometry(VolumeGeometry geometry) {
            this.geometry = geometry;
            return this;
        }

        /** One LUT for all slices, or call once per slice in order. */
        public Builder modalityLut(ModalityLut lut) {
            modalityLuts.add(lut);
            return this;
        }

        public Builder source(SourceFrame source) {
            sources.add(source);
            return this;
        }

        public Builder frameOfReferenceUid(String uid) {
            this.frameOfReferenceUid = uid;
            return this;
        }

        public Builder window(WindowPreset window) {
            windows.add(window);
            return this;
        }

        public Builder note(String note) {
            notes.add(note);
            return this;
        }

        public Builder header(DataSet header) {
            this.header = header;
            return this;
        }

        public Volume build() {
            return new Volume(this);
        }
    }
}

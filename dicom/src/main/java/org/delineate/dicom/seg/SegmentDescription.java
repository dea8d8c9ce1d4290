package org.delineate.dicom.seg;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.delineate.dicom.code.Code;

/**
 * One item of the Segment Sequence (0062,0002): what a segment is (PS3.3 C.8.20.2, Segment Description
 * Macro). Immutable. Holds what was read or what is to be written, tolerantly: missing or inconsistent
 * values are reported by the writer's validator, not refused here.
 *
 * @param segmentNumber Segment Number (0062,0004), 1-based; 0 when not yet assigned (the writer numbers
 *     segments 1..N)
 * @param segmentLabel Segment Label (0062,0005)
 * @param segmentDescription Segment Description (0062,0006), or null
 * @param algorithmType Segment Algorithm Type (0062,0008), or null when absent from what was read
 * @param algorithmName Segment Algorithm Name (0062,0009), or null (required unless MANUAL)
 * @param category Segmented Property Category Code Sequence (0062,0003), or null when absent
 * @param type Segmented Property Type Code Sequence (0062,000F), or null when absent
 * @param typeModifiers Segmented Property Type Modifier Code Sequence (0062,0011), possibly empty
 * @param anatomicRegion Anatomic Region Sequence (0008,2218), or null
 * @param anatomicRegionModifiers Anatomic Region Modifier Sequence (0008,2220), possibly empty
 * @param recommendedDisplayRgb the display color as sRGB 0..255 (written as Recommended Display CIELab
 *     Value (0062,000D)), or null
 * @param trackingId Tracking ID (0062,0020), or null
 * @param trackingUid Tracking UID (0062,0021), or null; DICOM requires both or neither
 */
public record SegmentDescription(int segmentNumber, String segmentLabel, String segmentDescription,
        SegmentAlgorithmType algorithmType, String algorithmName, Code category, Code type, List<Code> typeModifiers,
        Code anatomicRegion, List<Code> anatomicRegionModifiers, int[] recommendedDisplayRgb, String trackingId,
        String trackingUid) {

    public SegmentDescription {
        if (segmentNumber < 0 || segmentNumber > 0xFFFF) {
            throw new IllegalArgumentException("Segment Number (0062,0004) must be 0 to 65535, not " + segmentNumber);
        }
        typeModifiers = typeModifiers == null ? List.of() : List.copyOf(typeModifiers);
        anatomicRegionModifiers = anatomicRegionModifiers == null ? List.of() : List.copyOf(anatomicRegionModifiers);
        if (recommendedDisplayRgb != null) {
            if (recommendedDisplayRgb.length != 3) {
                throw new IllegalArgumentException("a display color has 3 components, not "
                        + recommendedDisplayRgb.length);
            }
            for (int c : recommendedDisplayRgb) {
                if (c < 0 || c > 255) {
                    throw new IllegalArgumentException("RGB components are 0 to 255, not " + c);
                }
            }
            recommendedDisplayRgb = recommendedDisplayRgb.clone();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this description's values, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.segmentNumber = segmentNumber;
        b.segmentLabel = segmentLabel;
        b.segmentDescription = segmentDescription;
        b.algorithmType = algorithmType;
        b.algorithmName = algorithmName;
        b.category = category;
        b.type = type;
        b.typeModifiers = typeModifiers;
        b.anatomicRegion = anatomicRegion;
        b.anatomicRegionModifiers = anatomicRegionModifiers;
        b.recommendedDisplayRgb = recommendedDisplayRgb;
        b.trackingId = trackingId;
        b.trackingUid = trackingUid;
        return b;
    }

    /** The same description with another Segment Number. */
    public SegmentDescription withSegmentNumber(int number) {
        return toBuilder().segmentNumber(number).build();
    }

    @Override
    public int[] recommendedDisplayRgb() {
        return recommendedDisplayRgb == null ? null : recommendedDisplayRgb.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentDescription d && segmentNumber == d.segmentNumber
                && Objects.equals(segmentLabel, d.segmentLabel)
                && Objects.equals(segmentDescription, d.segmentDescription) && algorithmType == d.algorithmType
                && Objects.equals(algorithmName, d.algorithmName) && Objects.equals(category, d.category)
                && Objects.equals(type, d.type) && typeModifiers.equals(d.typeModifiers)
                && Objects.equals(anatomicRegion, d.anatomicRegion)
                && anatomicRegionModifiers.equals(d.anatomicRegionModifiers)
                && Arrays.equals(recommendedDisplayRgb, d.recommendedDisplayRgb)
                && Objects.equals(trackingId, d.trackingId) && Objects.equals(trackingUid, d.trackingUid);
    }

    @Override
    public int hashCode() {
        return Objects.hash(segmentNumber, segmentLabel, type);
    }

    @Override
    public String toString() {
        return "Segment " + segmentNumber + " \"" + segmentLabel + "\" " + type;
    }

    /** Collects a {@link SegmentDescription}; unset values are null (empty lists for modifiers). */
    public static final class Builder {
        private int segmentNumber;
        private String segmentLabel;
        private String segmentDescription;
        private SegmentAlgorithmType algorithmType;
        private String algorithmName;
        private Code category;
        private Code type;
        private List<Code> typeModifiers = List.of();
        private Code anatomicRegion;
        private List<Code> anatomicRegionModifiers = List.of();
        private int[] recommendedDisplayRgb;
        private String trackingId;
        private String trackingUid;

        private Builder() {
        }

        public Builder segmentNumber(int v) {
            segmentNumber = v;
            return this;
        }

        public Builder segmentLabel(String v) {
            segmentLabel = v;
            return this;
        }

        public Builder segmentDescription(String v) {
            segmentDescription = v;
            return this;
        }

        public Builder algorithmType(SegmentAlgorithmType v) {
            algorithmType = v;
            return this;
        }

        public Builder algorithmName(String v) {
            algorithmName = v;
            return this;
        }

        public Builder category(Code v) {
            category = v;
            return this;
        }

        public Builder type(Code v) {
            type = v;
            return this;
        }

        public Builder typeModifiers(List<Code> v) {
            typeModifiers = v;
            return this;
        }

        public Builder anatomicRegion(Code v) {
            anatomicRegion = v;
            return this;
        }

        public Builder anatomicRegionModifiers(List<Code> v) {
            anatomicRegionModifiers = v;
            return this;
        }

        /** The display color as sRGB components 0..255, or null. */
        public Builder recommendedDisplayRgb(int... v) {
            recommendedDisplayRgb = v;
            return this;
        }

        public Builder trackingId(String v) {
            trackingId = v;
            return this;
        }

        public Builder trackingUid(String v) {
            trackingUid = v;
            return this;
        }

        public SegmentDescription build() {
            return new SegmentDescription(segmentNumber, segmentLabel, segmentDescription, algorithmType,
                    algorithmName, category, type, typeModifiers, anatomicRegion, anatomicRegionModifiers,
                    recommendedDisplayRgb, trackingId, trackingUid);
        }
    }
}

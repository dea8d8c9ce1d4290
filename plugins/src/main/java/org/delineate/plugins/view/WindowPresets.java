package org.delineate.plugins.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.pixel.ModalityLut;
import org.delineate.dicom.volume.Volume;
import org.delineate.dicom.volume.WindowPreset;

/**
 * The display windows offered for a volume, each with a stable snake_case key for macros: the
 * header's own windows first ({@code header_1}, {@code header_2}, ...), then, for CT (Modality CT or
 * Rescale Type HU), Delineate's CT presets. Window values are modality values (e.g. HU). Immutable data.
 */
public final class WindowPresets {

    /** A window with its macro key, e.g. {@code lung}. */
    public record Named(String key, WindowPreset window) {

        /** What a menu shows, e.g. "lung: Lung (C -600, W 1500)". */
        public String label() {
            String explanation = window.explanation().isEmpty() ? "" : window.explanation() + " ";
            return key + ": " + explanation + "(C " + number(window.center()) + ", W " + number(window.width()) + ")";
        }
    }

    /**
     * CT presets in HU. NB: the common radiology conventions (e.g. Radiopaedia's "windowing (CT)"): soft
     * tissue W 400 L 40, lung W 1500 L -600, bone W 1800 L 400, brain W 80 L 40.
     */
    public static final List<Named> CT = List.of(
            new Named("soft_tissue", new WindowPreset(40, 400, "Soft tissue")),
            new Named("lung", new WindowPreset(-600, 1500, "Lung")),
            new Named("bone", new WindowPreset(400, 1800, "Bone")),
            new Named("brain", new WindowPreset(40, 80, "Brain")));

    private WindowPresets() {
    }

    /** The windows offered for {@code volume}: its header's, then the CT presets when it is CT; may be empty. */
    public static List<Named> of(Volume volume) {
        List<Named> out = new ArrayList<>();
        for (int n = 0; n < volume.windows().size(); n++) {
            out.add(new Named("header_" + (n + 1), volume.windows().get(n)));
        }
        if (isCt(volume)) {
            out.addAll(CT);
        }
        return out;
    }

    /** True when the volume holds CT numbers: Modality (0008,0060) CT or Rescale Type (0028,1054) HU. */
    public static boolean isCt(Volume volume) {
        String modality = volume.header() == null ? null : volume.header().getString(Tag.Modality);
        return "CT".equals(modality == null ? null : modality.trim())
                || "HU".equalsIgnoreCase(volume.modalityLut(0).rescaleType());
    }

    /** The window with this key, or null. */
    public static Named find(List<Named> windows, String key) {
        for (Named named : windows) {
            if (named.key().equals(key)) {
                return named;
            }
        }
        return null;
    }

    /**
     * The range of samples (stored value + storedOffset, as the volume's planes hold them) that a window
     * in modality units covers under {@code lut}: {lowest, highest}.
     */
    public static double[] sampleRange(WindowPreset window, ModalityLut lut, int storedOffset) {
        double a = (window.lower() - lut.intercept()) / lut.slope() + storedOffset;
        double b = (window.upper() - lut.intercept()) / lut.slope() + storedOffset;
        return new double[] {Math.min(a, b), Math.max(a, b)};
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}

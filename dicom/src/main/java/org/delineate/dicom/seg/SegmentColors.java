package org.delineate.dicom.seg;

/**
 * Converts Recommended Display CIELab Value (0062,000D) to sRGB: the three values are L*, a* and b* scaled
 * to 0..65535 as ICC PCS-Lab (L* 0..100, a* and b* -128..127), PS3.3 C.10.7.1.1. Stateless.
 *
 * <p>NB: the reference white is D65, as dcmqi and highdicom use for this attribute; the writer's own
 * conversion (DisplayColor) is to be merged with this one.
 */
final class SegmentColors {

    private static final double XN = 0.950456;
    private static final double YN = 1.0;
    private static final double ZN = 1.088754;

    private SegmentColors() {
    }

    /** sRGB components 0..255 of a scaled CIELab triple, clipped to the sRGB gamut; null for a missing or short triple. */
    static int[] labToRgb(int[] scaledLab) {
        if (scaledLab == null || scaledLab.length < 3) {
            return null;
        }
        double l = scaledLab[0] * 100.0 / 65535;
        double a = scaledLab[1] * 255.0 / 65535 - 128;
        double b = scaledLab[2] * 255.0 / 65535 - 128;
        double fy = (l + 16) / 116;
        double fx = fy + a / 500;
        double fz = fy - b / 200;
        double x = XN * inverseF(fx);
        double y = YN * inverseF(fy);
        double z = ZN * inverseF(fz);
        double r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
        double g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
        double bl = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
        return new int[] {component(r), component(g), component(bl)};
    }

    private static double inverseF(double t) {
        double delta = 6.0 / 29;
        return t > delta ? t * t * t : 3 * delta * delta * (t - 4.0 / 29);
    }

    /** Gamma-encodes a linear sRGB component and scales it to 0..255. */
    private static int component(double linear) {
        double c = Math.max(0, Math.min(1, linear));
        double encoded = c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
        return (int) Math.round(encoded * 255);
    }
}

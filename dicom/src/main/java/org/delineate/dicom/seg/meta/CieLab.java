package org.delineate.dicom.seg.meta;

/**
 * Conversion of DICOM's scaled CIELab values (PS3.3 C.10.7.1.1: L* 0..100 and a*, b* -128..127 each scaled
 * to 0..65535, D65 white point) to sRGB 0..255, for metadata that gives Recommended Display CIELab Value
 * (0062,000D) instead of an RGB color.
 */
final class CieLab {

    // D65 reference white (CIE 1931 2 degree observer), as sRGB uses.
    private static final double XN = 0.950456;
    private static final double YN = 1.0;
    private static final double ZN = 1.088754;

    private CieLab() {
    }

    /** The sRGB color (0..255 each) of a DICOM scaled CIELab triple (0..65535 each); out-of-gamut is clipped. */
    static int[] toSrgb(int[] scaledLab) {
        double l = scaledLab[0] * 100.0 / 65535.0;
        double a = scaledLab[1] * 255.0 / 65535.0 - 128.0;
        double b = scaledLab[2] * 255.0 / 65535.0 - 128.0;
        double fy = (l + 16.0) / 116.0;
        double fx = fy + a / 500.0;
        double fz = fy - b / 200.0;
        double x = XN * finv(fx);
        double y = YN * finv(fy);
        double z = ZN * finv(fz);
        double r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
        double g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
        double bl = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
        return new int[] {gamma(r), gamma(g), gamma(bl)};
    }

    private static double finv(double t) {
        double delta = 6.0 / 29.0;
        return t > delta ? t * t * t : 3 * delta * delta * (t - 4.0 / 29.0);
    }

    private static int gamma(double linear) {
        double c = Math.max(0.0, Math.min(1.0, linear));
        double v = c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
        return (int) Math.round(v * 255.0);
    }
}

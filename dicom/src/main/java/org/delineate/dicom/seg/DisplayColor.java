package org.delineate.dicom.seg;

/**
 * Conversions between sRGB display colors (0..255 per component) and the scaled CIELab values DICOM stores in
 * Recommended Display CIELab Value (0062,000D) (PS3.3 C.10.7.1.1): sRGB is linearised, converted to CIE XYZ with
 * the D65 white point and then to CIELab (D65 reference white); L* 0..100 is scaled to 0..0xFFFF and a*, b*
 * -128..127 to 0..0xFFFF. The one CIELab conversion of Delineate: the writer, the reader and dcmqi metadata use it.
 * Stateless and thread-safe.
 */
public final class DisplayColor {

    private static final double[] WHITE_D65 = {0.95047, 1.0, 1.08883};

    private DisplayColor() {
    }

    /**
     * The DICOM scaled CIELab value (three ints 0..65535: L, a, b) of an sRGB color.
     *
     * @throws IllegalArgumentException when a component is outside 0..255
     */
    public static int[] rgbToDicomLab(int red, int green, int blue) {
        double r = linear(component(red));
        double g = linear(component(green));
        double b = linear(component(blue));
        // NB: the four-digit matrix of IEC 61966-2-1 (sRGB to XYZ, D65), as DCMTK and so dcmqi use it; with it our
        // values equal dcmqi's exactly (the test compares them).
        double x = 0.4124 * r + 0.3576 * g + 0.1805 * b;
        double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        double z = 0.0193 * r + 0.1192 * g + 0.9505 * b;
        double fx = labF(x / WHITE_D65[0]);
        double fy = labF(y / WHITE_D65[1]);
        double fz = labF(z / WHITE_D65[2]);
        double l = 116 * fy - 16;
        double a = 500 * (fx - fy);
        double bb = 200 * (fy - fz);
        return new int[] {scale(l / 100.0), scale((a + 128) / 255.0), scale((bb + 128) / 255.0)};
    }

    /** {@link #rgbToDicomLab(int, int, int)} of a three-component array. */
    public static int[] rgbToDicomLab(int[] rgb) {
        if (rgb == null || rgb.length != 3) {
            throw new IllegalArgumentException("an RGB color has 3 components");
        }
        return rgbToDicomLab(rgb[0], rgb[1], rgb[2]);
    }

    /**
     * The sRGB color (three ints 0..255) nearest to a DICOM scaled CIELab value; colors outside the sRGB gamut
     * are clipped.
     *
     * @throws IllegalArgumentException when a component is outside 0..65535
     */
    public static int[] dicomLabToRgb(int scaledL, int scaledA, int scaledB) {
        double l = unscale(scaledL) * 100.0;
        double a = unscale(scaledA) * 255.0 - 128;
        double b = unscale(scaledB) * 255.0 - 128;
        double fy = (l + 16) / 116.0;
        double fx = fy + a / 500.0;
        double fz = fy - b / 200.0;
        double x = WHITE_D65[0] * labFInverse(fx);
        double y = WHITE_D65[1] * labFInverse(fy);
        double z = WHITE_D65[2] * labFInverse(fz);
        // The inverse matrix of IEC 61966-2-1.
        double r = 3.2406 * x - 1.5372 * y - 0.4986 * z;
        double g = -0.9689 * x + 1.8758 * y + 0.0415 * z;
        double bl = 0.0557 * x - 0.2040 * y + 1.0570 * z;
        return new int[] {toByte(r), toByte(g), toByte(bl)};
    }

    /**
     * {@link #dicomLabToRgb(int, int, int)} of a three-component array, as Recommended Display CIELab Value holds it.
     *
     * @throws IllegalArgumentException when the array does not have 3 components 0..65535
     */
    public static int[] dicomLabToRgb(int[] scaledLab) {
        if (scaledLab == null || scaledLab.length != 3) {
            throw new IllegalArgumentException("a scaled CIELab value has 3 components");
        }
        return dicomLabToRgb(scaledLab[0], scaledLab[1], scaledLab[2]);
    }

    private static double component(int c) {
        if (c < 0 || c > 255) {
            throw new IllegalArgumentException("an sRGB component is 0 to 255, not " + c);
        }
        return c / 255.0;
    }

    private static double linear(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double gamma(double c) {
        return c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
    }

    private static double labF(double t) {
        double delta = 6.0 / 29.0;
        return t > delta * delta * delta ? Math.cbrt(t) : t / (3 * delta * delta) + 4.0 / 29.0;
    }

    private static double labFInverse(double f) {
        double delta = 6.0 / 29.0;
        return f > delta ? f * f * f : 3 * delta * delta * (f - 4.0 / 29.0);
    }

    private static int scale(double fraction) {
        return (int) Math.round(Math.max(0, Math.min(1, fraction)) * 0xFFFF);
    }

    private static double unscale(int v) {
        if (v < 0 || v > 0xFFFF) {
            throw new IllegalArgumentException("a scaled CIELab component is 0 to 65535, not " + v);
        }
        return v / (double) 0xFFFF;
    }

    private static int toByte(double linearValue) {
        double c = gamma(Math.max(0, Math.min(1, linearValue)));
        return (int) Math.round(c * 255);
    }
}

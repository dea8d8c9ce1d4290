package org.delineate.annotation.render;

import java.util.Arrays;
import java.util.List;

import org.delineate.annotation.Annotation;
import org.delineate.annotation.Segment;

/**
 * Paints an annotation's slice as an ARGB overlay image: each visible segment in its color with its opacity,
 * layers composited in order (a later layer over an earlier one), transparent where there is no segment. The
 * view puts the pixels into an image shown over the slice (ImageJ's ImageRoi). GUI-free; not thread-safe
 * (one renderer per view).
 */
public final class OverlayRenderer {

    private int[][] colorsByLayer = new int[0][];

    /**
     * Renders slice k into {@code argb} (columns x rows, index j * columns + i), the whole slice.
     *
     * @return {@code argb}
     */
    public int[] render(Annotation annotation, int k, int[] argb) {
        return render(annotation, k, 0, 0, annotation.grid().columns(), annotation.grid().rows(), argb);
    }

    /**
     * Renders the rectangle (i0, j0, width, height) of slice k into {@code argb}, leaving other pixels as
     * they are: after a brush stroke only the stroke's bounds need painting again.
     *
     * @return {@code argb}
     */
    public int[] render(Annotation annotation, int k, int i0, int j0, int width, int height, int[] argb) {
        int columns = annotation.grid().columns();
        int rows = annotation.grid().rows();
        if (argb.length != columns * rows) {
            throw new IllegalArgumentException("the overlay needs " + columns * rows + " pixels, not " + argb.length);
        }
        int iFrom = Math.max(0, i0);
        int jFrom = Math.max(0, j0);
        int iTo = Math.min(columns, i0 + width);
        int jTo = Math.min(rows, j0 + height);
        prepareColors(annotation);
        for (int j = jFrom; j < jTo; j++) {
            Arrays.fill(argb, j * columns + iFrom, j * columns + iTo, 0);
        }
        for (int layer = 0; layer < annotation.layerCount(); layer++) {
            short[] plane = annotation.layer(layer).plane(k);
            int[] colors = colorsByLayer[layer];
            if (plane == null || colors == null) {
                continue;
            }
            boolean first = layer == 0;
            for (int j = jFrom; j < jTo; j++) {
                int row = j * columns;
                for (int index = row + iFrom; index < row + iTo; index++) {
                    int label = plane[index] & 0xFFFF;
                    if (label == 0 || label >= colors.length) {
                        continue;
                    }
                    int c = colors[label];
                    if (c == 0) {
                        continue;
                    }
                    argb[index] = first || argb[index] == 0 ? c : over(c, argb[index]);
                }
            }
        }
        return argb;
    }

    /** One color table per layer: label value to ARGB (0 for hidden segments and unused labels). */
    private void prepareColors(Annotation annotation) {
        if (colorsByLayer.length != annotation.layerCount()) {
            colorsByLayer = new int[annotation.layerCount()][];
        }
        int[] maxLabel = new int[annotation.layerCount()];
        List<Segment> segments = annotation.segments();
        for (Segment s : segments) {
            maxLabel[s.layer()] = Math.max(maxLabel[s.layer()], s.labelValue());
        }
        for (int layer = 0; layer < maxLabel.length; layer++) {
            int[] colors = colorsByLayer[layer];
            if (maxLabel[layer] == 0) {
                colorsByLayer[layer] = null;
                continue;
            }
            if (colors == null || colors.length <= maxLabel[layer]) {
                colors = new int[maxLabel[layer] + 1];
                colorsByLayer[layer] = colors;
            } else {
                Arrays.fill(colors, 0);
            }
        }
        for (Segment s : segments) {
            if (s.visible() && s.opacity() > 0) {
                int alpha = (int) Math.round(s.opacity() * 255);
                colorsByLayer[s.layer()][s.labelValue()] = alpha << 24 | s.color();
            }
        }
    }

    /** Source-over compositing of ARGB {@code top} on {@code bottom} (straight alpha). */
    static int over(int top, int bottom) {
        int at = top >>> 24;
        int ab = bottom >>> 24;
        int a = at + ab * (255 - at) / 255;
        if (a == 0) {
            return 0;
        }
        int r = channel(top >> 16, at, bottom >> 16, ab, a);
        int g = channel(top >> 8, at, bottom >> 8, ab, a);
        int b = channel(top, at, bottom, ab, a);
        return a << 24 | r << 16 | g << 8 | b;
    }

    private static int channel(int top, int at, int bottom, int ab, int a) {
        int ct = top & 0xFF;
        int cb = bottom & 0xFF;
        return (ct * at + cb * ab * (255 - at) / 255) / a;
    }
}

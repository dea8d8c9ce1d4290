package org.delineate.dicom.pixel.jpeg;

/**
 * One image component of a frame (ITU-T T.81 B.2.2 and A.1.1) and its decoded samples, kept at the
 * component's own resolution in a plane padded to whole MCUs. Not thread-safe; owned by one decoding.
 */
final class Component {

    /** Component identifier Ci. */
    final int id;
    /** Horizontal and vertical sampling factors Hi and Vi, 1 to 4. */
    final int h;
    final int v;
    /** Quantization table destination selector Tqi, 0 to 3. */
    final int tq;
    /** Width and height of the component in samples: ceil(X * Hi / Hmax), ceil(Y * Vi / Vmax). */
    int width;
    int height;
    /** Blocks per line and per column of the plane: whole MCUs of the interleaved layout. */
    int blocksPerLine;
    int blocksPerColumn;
    /** The decoded samples, {@code blocksPerLine * 8} per line; allocated when the frame size is known. */
    short[] plane;
    /** True once a scan has coded this component. */
    boolean scanned;

    Component(int id, int h, int v, int tq) {
        this.id = id;
        this.h = h;
        this.v = v;
        this.tq = tq;
    }

    /** The number of samples per line of {@link #plane}. */
    int stride() {
        return blocksPerLine * 8;
    }
}

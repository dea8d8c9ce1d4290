package org.delineate.privacy.pixels;

/**
 * A rectangle of pixels to blank: 0-based column {@code x} and row {@code y} of its top-left pixel, its
 * width in columns and height in rows. Immutable.
 */
public record Rectangle(int x, int y, int width, int height) {

    /** @throws IllegalArgumentException when x or y is negative or width or height below 1 */
    public Rectangle {
        if (x < 0 || y < 0 || width < 1 || height < 1 || x > 65535 || y > 65535 || width > 65536 || height > 65536) {
            throw new IllegalArgumentException("rectangle x " + x + " y " + y + " width " + width + " height " + height
                    + ": expected x, y from 0 to 65535 and width, height from 1 to 65536");
        }
    }

    /** True when pixel ({@code column}, {@code row}) (0-based) is inside. */
    public boolean contains(int column, int row) {
        return column >= x && column - x < width && row >= y && row - y < height;
    }

    @Override
    public String toString() {
        return "(" + x + "," + y + " " + width + "x" + height + ")";
    }
}

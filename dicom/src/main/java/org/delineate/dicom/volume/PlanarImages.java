package org.delineate.dicom.volume;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Fraction;

/** ImgLib2 planar images over existing slice arrays: no voxel is allocated or copied here. */
public final class PlanarImages {

    private PlanarImages() {
    }

    /**
     * A planar image of {@code columns x rows x planes.size()} over the given arrays, which must be
     * {@code byte[]}, {@code short[]}, {@code float[]} or {@code int[]} as the sample type says, each
     * of {@code columns * rows} elements.
     */
    public static PlanarImg<?, ?> wrap(SampleType type, int columns, int rows, List<?> planes) {
        long[] dims = {columns, rows, planes.size()};
        int length = Math.multiplyExact(columns, rows);
        switch (type) {
            case UINT8: {
                List<ByteArray> arrays = new ArrayList<>();
                for (Object p : planes) {
                    arrays.add(new ByteArray(check((byte[]) p, ((byte[]) p).length, length)));
                }
                PlanarImg<UnsignedByteType, ByteArray> img = new PlanarImg<>(arrays, dims, new Fraction());
                img.setLinkedType(new UnsignedByteType(img));
                return img;
            }
            case UINT16: {
                List<ShortArray> arrays = new ArrayList<>();
                for (Object p : planes) {
                    arrays.add(new ShortArray(check((short[]) p, ((short[]) p).length, length)));
                }
                PlanarImg<UnsignedShortType, ShortArray> img = new PlanarImg<>(arrays, dims, new Fraction());
                img.setLinkedType(new UnsignedShortType(img));
                return img;
            }
            case FLOAT32: {
                List<FloatArray> arrays = new ArrayList<>();
                for (Object p : planes) {
                    arrays.add(new FloatArray(check((float[]) p, ((float[]) p).length, length)));
                }
                PlanarImg<FloatType, FloatArray> img = new PlanarImg<>(arrays, dims, new Fraction());
                img.setLinkedType(new FloatType(img));
                return img;
            }
            default: {
                List<IntArray> arrays = new ArrayList<>();
                for (Object p : planes) {
                    arrays.add(new IntArray(check((int[]) p, ((int[]) p).length, length)));
                }
                PlanarImg<ARGBType, IntArray> img = new PlanarImg<>(arrays, dims, new Fraction());
                img.setLinkedType(new ARGBType(img));
                return img;
            }
        }
    }

    private static <A> A check(A array, int actual, int expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("a plane has " + actual + " samples, expected " + expected);
        }
        return array;
    }
}

package org.delineate.annotation.measure;

import java.util.ArrayList;
import java.util.List;

import org.delineate.annotation.Annotation;
import org.delineate.annotation.Landmark;
import org.delineate.annotation.LabelLayer;
import org.delineate.annotation.Segment;
import org.delineate.dicom.geometry.VolumeGeometry;
import org.delineate.dicom.volume.Volume;

/**
 * Measures segments and landmarks of an annotation: voxel count, volume in mL, modality-value statistics
 * from the image, RECIST-style diameters, and distances between landmarks. Stateless.
 */
public final class Measurements {

    private Measurements() {
    }

    /**
     * Measures every segment, in list order.
     *
     * @param image the image the annotation is drawn on (same grid), for intensity statistics; or null
     */
    public static List<SegmentMeasurement> of(Annotation annotation, Volume image) {
        List<SegmentMeasurement> all = new ArrayList<>();
        for (Segment s : annotation.segments()) {
            all.add(of(annotation, s, image));
        }
        return all;
    }

    /** Measures one segment; {@code image} may be null. */
    public static SegmentMeasurement of(Annotation annotation, Segment segment, Volume image) {
        if (image != null && (image.columns() != annotation.grid().columns() || image.rows() != annotation.grid().rows()
                || image.slices() != annotation.grid().slices())) {
            throw new IllegalArgumentException("the image is " + image.columns() + " x " + image.rows() + " x "
                    + image.slices() + ", the annotation's grid " + annotation.grid());
        }
        LabelLayer layer = annotation.layer(segment.layer());
        int label = segment.labelValue();
        int columns = layer.columns();
        long n = 0;
        double sum = 0;
        double sum2 = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        Diameters.Result widest = null;
        int widestSlice = -1;
        VolumeGeometry geometry = annotation.grid().geometry();
        for (int k = 0; k < layer.slices(); k++) {
            short[] plane = layer.plane(k);
            if (plane == null) {
                continue;
            }
            boolean[] mask = new boolean[plane.length];
            boolean any = false;
            for (int index = 0; index < plane.length; index++) {
                if ((plane[index] & 0xFFFF) == label) {
                    mask[index] = true;
                    any = true;
                    n++;
                    if (image != null) {
                        double v = image.modalityValue(index % columns, index / columns, k);
                        sum += v;
                        sum2 += v * v;
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
            if (any) {
                Diameters.Result d = Diameters.of(mask, columns, geometry);
                if (widest == null || d.longest() > widest.longest()) {
                    widest = d;
                    widestSlice = k;
                }
            }
        }
        double mean = n == 0 || image == null ? Double.NaN : sum / n;
        double sd = n == 0 || image == null ? Double.NaN : Math.sqrt(Math.max(0, sum2 / n - mean * mean));
        double[] ends = null;
        if (widest != null) {
            double[] a = Diameters.toIndex(widest.a(), geometry);
            double[] b = Diameters.toIndex(widest.b(), geometry);
            double[] pa = geometry.toPatient(a[0], a[1], widestSlice);
            double[] pb = geometry.toPatient(b[0], b[1], widestSlice);
            ends = new double[] {pa[0], pa[1], pa[2], pb[0], pb[1], pb[2]};
        }
        return new SegmentMeasurement(segment.id(), segment.name(), n, n * annotation.grid().voxelVolume() / 1000, mean,
                sd, n == 0 || image == null ? Double.NaN : min, n == 0 || image == null ? Double.NaN : max,
                widest == null ? 0 : widest.longest(), widest == null ? 0 : widest.perpendicular(), widestSlice, ends);
    }

    /**
     * The distance of every pair of landmarks, each pair once: (0, 1), (0, 2), ..., (1, 2), ... in list order
     * (the order they were placed in); empty for fewer than two landmarks.
     */
    public static List<LandmarkDistance> distances(List<Landmark> landmarks) {
        List<LandmarkDistance> all = new ArrayList<>();
        for (int m = 0; m < landmarks.size(); m++) {
            for (int n = m + 1; n < landmarks.size(); n++) {
                Landmark a = landmarks.get(m);
                Landmark b = landmarks.get(n);
                all.add(new LandmarkDistance(a, b, distance(a, b)));
            }
        }
        return all;
    }

    /** The distance in mm between two landmarks. */
    public static double distance(Landmark a, Landmark b) {
        double[] p = a.position();
        double[] q = b.position();
        return Math.sqrt((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1]) + (p[2] - q[2]) * (p[2] - q[2]));
    }
}

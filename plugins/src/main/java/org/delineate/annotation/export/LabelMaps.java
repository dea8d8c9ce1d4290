package org.delineate.annotation.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.delineate.annotation.Annotation;
import org.delineate.annotation.LabelLayer;
import org.delineate.annotation.Segment;
import org.delineate.dicom.nifti.NiftiHeader;
import org.delineate.dicom.nifti.NiftiVolumeWriter;
import org.delineate.dicom.nifti.NiftiWriter;
import org.delineate.dicom.volume.PlanarImages;
import org.delineate.dicom.volume.SampleType;
import org.delineate.dicom.volume.Volume;

/**
 * An annotation's segments as one label map: each voxel holds the 1-based number of its segment in list
 * order (the Segment Number the segment gets in DICOM-SEG), 0 for none. Where segments of different layers
 * overlap, the one earlier in the list wins and the overlap is counted. 8-bit when there are fewer than 256
 * segments, else 16-bit. Stateless.
 */
public final class LabelMaps {

    /**
     * A label map and what could not be shown in it.
     *
     * @param volume the label map on the annotation's grid (no modality LUT)
     * @param overlappingVoxels voxels that belong to more than one segment (kept as the first one)
     */
    public record LabelMap(Volume volume, long overlappingVoxels) {
    }

    private LabelMaps() {
    }

    /** The label map of {@code annotation}. */
    public static LabelMap of(Annotation annotation) {
        List<Segment> segments = annotation.segments();
        int columns = annotation.grid().columns();
        int rows = annotation.grid().rows();
        int slices = annotation.grid().slices();
        boolean wide = segments.size() > 255;
        List<Object> planes = new ArrayList<>();
        long overlaps = 0;
        for (int k = 0; k < slices; k++) {
            short[] numbers = new short[columns * rows];
            for (int n = 0; n < segments.size(); n++) {
                Segment s = segments.get(n);
                LabelLayer layer = annotation.layer(s.layer());
                short[] plane = layer.plane(k);
                if (plane == null) {
                    continue;
                }
                for (int index = 0; index < plane.length; index++) {
                    if ((plane[index] & 0xFFFF) == s.labelValue()) {
                        if (numbers[index] == 0) {
                            numbers[index] = (short) (n + 1);
                        } else {
                            overlaps++;
                        }
                    }
                }
            }
            if (wide) {
                planes.add(numbers);
            } else {
                byte[] b = new byte[numbers.length];
                for (int index = 0; index < b.length; index++) {
                    b[index] = (byte) numbers[index];
                }
                planes.add(b);
            }
        }
        SampleType type = wide ? SampleType.UINT16 : SampleType.UINT8;
        Volume volume = Volume.builder().image(PlanarImages.wrap(type, columns, rows, planes), type, 0)
                .geometry(annotation.grid().geometry()).build();
        return new LabelMap(volume, overlaps);
    }

    /**
     * Writes the label map as NIfTI ({@code .nii} or {@code .nii.gz}), sform and qform code 2 (aligned to the
     * image), atomically.
     */
    public static LabelMap writeNifti(Annotation annotation, Path target) throws IOException {
        LabelMap map = of(annotation);
        NiftiWriter.write(NiftiVolumeWriter.toImage(List.of(map.volume()), NiftiHeader.XFORM_ALIGNED_ANAT), target);
        return map;
    }
}

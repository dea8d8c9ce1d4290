package org.delineate.dicom.series;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.Tag;

/**
 * Classic image headers built in code (DataSet setters), turned into frame headers as a scan would
 * turn them. Each call to {@link #slice} makes one instance of the series.
 */
final class SyntheticSlices {

    static final double[] AXIAL = {1, 0, 0, 0, 1, 0};
    static final double[] CORONAL = {1, 0, 0, 0, 0, -1};
    static final double[] SAGITTAL = {0, 1, 0, 0, 0, -1};

    private final String seriesUid;
    private final List<FrameHeader> frames = new ArrayList<>();
    private int instances;

    SyntheticSlices(String seriesUid) {
        this.seriesUid = seriesUid;
    }

    /** A 4 x 5 CT slice header at {@code position} with {@code orientation}, pixel spacing 0.5 x 0.7 mm. */
    DataSet header(double[] position, double[] orientation) {
        instances++;
        DataSet ds = new DataSet();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        ds.setString(Tag.SOPInstanceUID, VR.UI, seriesUid + "." + instances);
        ds.setString(Tag.SeriesInstanceUID, VR.UI, seriesUid);
        ds.setString(Tag.Modality, VR.CS, "CT");
        ds.setLongs(Tag.SeriesNumber, VR.IS, 7);
        ds.setLongs(Tag.InstanceNumber, VR.IS, instances);
        ds.setString(Tag.FrameOfReferenceUID, VR.UI, "1.2.3.4");
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.setInts(Tag.Rows, VR.US, 4);
        ds.setInts(Tag.Columns, VR.US, 5);
        ds.setDoubles(Tag.ImagePositionPatient, VR.DS, position);
        ds.setDoubles(Tag.ImageOrientationPatient, VR.DS, orientation);
        ds.setDoubles(Tag.PixelSpacing, VR.DS, 0.5, 0.7);
        ds.setDoubles(Tag.SliceThickness, VR.DS, 2.5);
        ds.setDoubles(Tag.RescaleSlope, VR.DS, 1);
        ds.setDoubles(Tag.RescaleIntercept, VR.DS, -1024);
        return ds;
    }

    /** Adds the frames of {@code ds} (read as a scan reads them) and returns this. */
    SyntheticSlices add(DataSet ds) {
        frames.addAll(FrameHeaderReader.frames(Path.of("/synthetic/" + ds.getString(Tag.SOPInstanceUID) + ".dcm"), ds));
        return this;
    }

    /** Adds an axial slice at (x, y, z). */
    SyntheticSlices axial(double x, double y, double z) {
        return add(header(new double[] {x, y, z}, AXIAL));
    }

    List<FrameHeader> frames() {
        return frames;
    }

    /** The series of the frames added, assembled with the default tolerances. */
    List<Series> series() {
        return SeriesAssembler.assemble(frames, Tolerances.defaults());
    }

    /** The stacks of the only series. */
    List<FrameStack> stacks() {
        List<Series> series = series();
        if (series.size() != 1) {
            throw new AssertionError("expected one series, found " + series.size());
        }
        return series.get(0).stacks();
    }
}

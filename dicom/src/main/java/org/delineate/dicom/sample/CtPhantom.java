package org.delineate.dicom.sample;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Uids;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.dict.UID;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomWriter;
import org.delineate.dicom.io.TransferSyntax;
import org.delineate.dicom.io.WriteOptions;

/**
 * A synthetic CT phantom, written slice by slice as CT Image Storage data sets: an elliptic body
 * (40 HU) with two lungs (-800 HU), a liver (60 HU), a spine (700 HU) and a spherical lesion
 * (100 HU) in the liver, in air (-1000 HU). Patient coordinates are LPS in mm; slice {@code k}
 * lies at z = -{@code k} x spacing (head first supine, slices from head to feet). Contains no real
 * patient data.
 *
 * @param rows rows (and columns) of each slice
 * @param slices number of slices
 * @param pixelSpacing in-plane spacing in mm
 * @param sliceSpacing distance between slice centres in mm
 * @param study Study Instance UID
 * @param series Series Instance UID
 * @param frameOfReference Frame of Reference UID
 */
public record CtPhantom(int rows, int slices, double pixelSpacing, double sliceSpacing, String study, String series,
        String frameOfReference) {

    /** Centre of the lesion in patient coordinates (mm) and its radius. */
    public static final double LESION_X = 60, LESION_Y = -10, LESION_RADIUS = 15;

    /** A 128 x 128 x 40 phantom with fresh UIDs, 2.5 mm pixels and 2.5 mm slices. */
    public static CtPhantom standard() {
        return new CtPhantom(128, 40, 2.5, 2.5, Uids.newUid(), Uids.newUid(), Uids.newUid());
    }

    /** The z coordinate of the lesion centre: the middle slice. */
    public double lesionZ() {
        return -(slices / 2) * sliceSpacing;
    }

    /** Writes every slice as {@code slice-NNN.dcm} (from 001; Explicit VR Little Endian) into {@code folder}. */
    public void write(Path folder) throws IOException {
        DicomWriter writer = new DicomWriter(WriteOptions.fresh(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        for (int k = 0; k < slices; k++) {
            writer.write(DicomFile.of(slice(k), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN),
                    folder.resolve(String.format("slice-%03d.dcm", k + 1)));
        }
    }

    /** The data set of slice {@code index} (0-based), with a new SOP Instance UID. */
    public DataSet slice(int index) {
        if (index < 0 || index >= slices) {
            throw new IllegalArgumentException("slice " + index + " is not in 0.." + (slices - 1));
        }
        DataSet d = new DataSet();
        double origin = -(rows - 1) * pixelSpacing / 2;
        double z = -index * sliceSpacing;
        d.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        d.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        d.setString(Tag.SOPClassUID, VR.UI, UID.CTImageStorage);
        d.setString(Tag.SOPInstanceUID, VR.UI, Uids.newUid());
        d.setString(Tag.StudyDate, VR.DA, "20260101");
        d.setString(Tag.StudyTime, VR.TM, "120000");
        d.setString(Tag.AccessionNumber, VR.SH, "");
        d.setString(Tag.Modality, VR.CS, "CT");
        d.setString(Tag.Manufacturer, VR.LO, "Delineate");
        d.setString(Tag.ReferringPhysicianName, VR.PN, "");
        d.setString(Tag.StudyDescription, VR.LO, "Synthetic phantom");
        d.setString(Tag.SeriesDescription, VR.LO, "Phantom CT with lesion");
        d.setString(Tag.ManufacturerModelName, VR.LO, "CtPhantom");
        d.setString(Tag.PatientName, VR.PN, "Phantom^Delineate");
        d.setString(Tag.PatientID, VR.LO, "DELINEATE-PHANTOM");
        d.setString(Tag.PatientBirthDate, VR.DA, "");
        d.setString(Tag.PatientSex, VR.CS, "O");
        d.setString(Tag.BodyPartExamined, VR.CS, "ABDOMEN");
        d.setString(Tag.SliceThickness, VR.DS, format(sliceSpacing));
        d.setString(Tag.KVP, VR.DS, "120");
        d.setString(Tag.PatientPosition, VR.CS, "HFS");
        d.setString(Tag.StudyInstanceUID, VR.UI, study);
        d.setString(Tag.SeriesInstanceUID, VR.UI, series);
        d.setString(Tag.StudyID, VR.SH, "1");
        d.setString(Tag.SeriesNumber, VR.IS, "1");
        d.setString(Tag.AcquisitionNumber, VR.IS, "1");
        d.setString(Tag.InstanceNumber, VR.IS, Integer.toString(index + 1));
        d.setDoubles(Tag.ImagePositionPatient, VR.DS, origin, origin, z);
        d.setDoubles(Tag.ImageOrientationPatient, VR.DS, 1, 0, 0, 0, 1, 0);
        d.setString(Tag.FrameOfReferenceUID, VR.UI, frameOfReference);
        d.setString(Tag.PositionReferenceIndicator, VR.LO, "");
        d.setDoubles(Tag.SliceLocation, VR.DS, z);
        d.setInts(Tag.SamplesPerPixel, VR.US, 1);
        d.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        d.setInts(Tag.Rows, VR.US, rows);
        d.setInts(Tag.Columns, VR.US, rows);
        d.setDoubles(Tag.PixelSpacing, VR.DS, pixelSpacing, pixelSpacing);
        d.setInts(Tag.BitsAllocated, VR.US, 16);
        d.setInts(Tag.BitsStored, VR.US, 16);
        d.setInts(Tag.HighBit, VR.US, 15);
        d.setInts(Tag.PixelRepresentation, VR.US, 1);
        d.setDoubles(Tag.WindowCenter, VR.DS, 40);
        d.setDoubles(Tag.WindowWidth, VR.DS, 400);
        d.setDoubles(Tag.RescaleIntercept, VR.DS, 0);
        d.setDoubles(Tag.RescaleSlope, VR.DS, 1);
        d.setString(Tag.RescaleType, VR.LO, "HU");
        d.setBytes(Tag.PixelData, VR.OW, pixels(origin, z));
        return d;
    }

    private byte[] pixels(double origin, double z) {
        ByteBuffer buffer = ByteBuffer.allocate(rows * rows * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < rows; c++) {
                buffer.putShort((short) hounsfield(origin + c * pixelSpacing, origin + r * pixelSpacing, z));
            }
        }
        return buffer.array();
    }

    /** The phantom's value in HU at patient position (x, y, z) in mm. */
    public double hounsfield(double x, double y, double z) {
        if (!inEllipse(x, y, 0, 0, 140, 100)) {
            return -1000;
        }
        double dz = z - lesionZ();
        if (Math.hypot(Math.hypot(x - LESION_X, y - LESION_Y), dz) <= LESION_RADIUS) {
            return 100;
        }
        if (inEllipse(x, y, 0, 70, 18, 18)) {
            return 700;
        }
        if (inEllipse(x, y, -60, -5, 40, 55) || (inEllipse(x, y, 55, -5, 40, 55) && z > lesionZ() + 30)) {
            return -800;
        }
        if (inEllipse(x, y, 55, -5, 50, 45)) {
            return 60;
        }
        return 40;
    }

    private static boolean inEllipse(double x, double y, double cx, double cy, double rx, double ry) {
        double u = (x - cx) / rx;
        double v = (y - cy) / ry;
        return u * u + v * v <= 1;
    }

    private static String format(double value) {
        return org.delineate.dicom.data.Values.formatDecimalString(value);
    }
}

package org.delineate.dicom.series;

import java.time.LocalDate;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.dict.Tag;

/**
 * What a series browser shows about the series an instance belongs to, as the instance's header gives
 * it. Contains PHI (patient name and ID): show it to the user who owns the data, never log it.
 * Immutable; any component may be null when the header lacks it.
 *
 * @param patientName PatientName (0010,0010) as written, components separated by '^'
 * @param patientId PatientID (0010,0020)
 * @param studyInstanceUid StudyInstanceUID (0020,000D)
 * @param studyDate StudyDate (0008,0020)
 * @param studyDescription StudyDescription (0008,1030)
 * @param seriesInstanceUid SeriesInstanceUID (0020,000E)
 * @param seriesNumber SeriesNumber (0020,0011)
 * @param seriesDescription SeriesDescription (0008,103E)
 * @param modality Modality (0008,0060)
 */
public record SeriesInfo(String patientName, String patientId, String studyInstanceUid, LocalDate studyDate,
        String studyDescription, String seriesInstanceUid, Integer seriesNumber, String seriesDescription,
        String modality) {

    /** The series attributes of a data set (top level of an instance). */
    public static SeriesInfo of(DataSet ds) {
        int seriesNumber = ds.getInt(Tag.SeriesNumber, Integer.MIN_VALUE);
        return new SeriesInfo(ds.getString(Tag.PatientName), ds.getString(Tag.PatientID),
                ds.getString(Tag.StudyInstanceUID), ds.getDate(Tag.StudyDate), ds.getString(Tag.StudyDescription),
                ds.getString(Tag.SeriesInstanceUID), seriesNumber == Integer.MIN_VALUE ? null : seriesNumber,
                ds.getString(Tag.SeriesDescription), ds.getString(Tag.Modality));
    }
}

package org.delineate.dicom.series;

/**
 * One line of a series browser for a stack: the series attributes plus its size. Contains PHI (see
 * {@link SeriesInfo}): show it to the user who owns the data, never log it.
 *
 * @param info patient, study and series attributes of the stack's first frame
 * @param rows Rows (0028,0010) of a slice (of a tile, for mosaics)
 * @param columns Columns (0028,0011) of a slice (of a tile, for mosaics)
 * @param frames the number of DICOM frames in the stack
 * @param slices the number of slices of the stack's volume: equal to {@code frames}, except for mosaics
 */
public record SeriesSummary(SeriesInfo info, int rows, int columns, int frames, int slices) {

    /** "rows x columns x frames", e.g. "512 x 512 x 120", with the slices added for mosaics: "64 x 64 x 1 (35 slices)". */
    public String dimensions() {
        return rows + " x " + columns + " x " + frames + (slices == frames ? "" : " (" + slices + " slices)");
    }
}

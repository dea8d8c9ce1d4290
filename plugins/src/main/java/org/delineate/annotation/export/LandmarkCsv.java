package org.delineate.annotation.export;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.delineate.annotation.AnnotationGrid;
import org.delineate.annotation.Landmark;
import org.delineate.dicom.io.AtomicFiles;

/**
 * Landmarks as CSV (RFC 4180, UTF-8, header row): id, name, code value, coding scheme, code meaning, the
 * patient position x, y, z (LPS, mm) and the voxel position i, j, k (0-based, fractional). Stateless.
 */
public final class LandmarkCsv {

    /** The header row. */
    public static final String HEADER = "id,name,code_value,coding_scheme,code_meaning,x_mm,y_mm,z_mm,i,j,k";

    private LandmarkCsv() {
    }

    /** Writes the landmarks of a grid, atomically. */
    public static void write(List<Landmark> landmarks, AnnotationGrid grid, Path target) throws IOException {
        AtomicFiles.write(target, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(HEADER + "\r\n");
            for (Landmark l : landmarks) {
                double[] p = l.position();
                double[] index = grid.geometry().toIndex(p[0], p[1], p[2]);
                w.write(l.id() + "," + field(l.name()) + "," + field(l.code() == null ? "" : l.code().value()) + ","
                        + field(l.code() == null ? "" : l.code().schemeDesignator()) + ","
                        + field(l.code() == null ? "" : l.code().meaning()) + "," + p[0] + "," + p[1] + "," + p[2] + ","
                        + index[0] + "," + index[1] + "," + index[2] + "\r\n");
            }
            w.flush();
        });
    }

    private static String field(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}

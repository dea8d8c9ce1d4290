package org.delineate.annotation.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.delineate.annotation.Landmark;
import org.delineate.dicom.io.AtomicFiles;

/**
 * Landmarks as a 3D Slicer markups point list ({@code .mrk.json}, markups schema 1.0.3): one "Fiducial"
 * markup in LPS millimetres, one control point per landmark with its name as label and its code meaning
 * as description. Stateless.
 */
public final class SlicerMarkups {

    /** The schema the files declare. */
    public static final String SCHEMA =
            "https://raw.githubusercontent.com/slicer/slicer/master/Modules/Loadable/Markups/Resources/Schema/markups-schema-v1.0.3.json#";

    private SlicerMarkups() {
    }

    /** Writes the landmarks, atomically. */
    public static void write(List<Landmark> landmarks, Path target) throws IOException {
        AtomicFiles.write(target, out -> {
            try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeStringField("@schema", SCHEMA);
                g.writeArrayFieldStart("markups");
                g.writeStartObject();
                g.writeStringField("type", "Fiducial");
                g.writeStringField("coordinateSystem", "LPS");
                g.writeStringField("coordinateUnits", "mm");
                g.writeArrayFieldStart("controlPoints");
                for (Landmark l : landmarks) {
                    g.writeStartObject();
                    g.writeStringField("id", Integer.toString(l.id()));
                    g.writeStringField("label", l.name());
                    g.writeStringField("description", l.code() == null ? "" : l.code().meaning());
                    double[] p = l.position();
                    g.writeFieldName("position");
                    g.writeArray(p, 0, 3);
                    g.writeStringField("positionStatus", "defined");
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
        });
    }
}

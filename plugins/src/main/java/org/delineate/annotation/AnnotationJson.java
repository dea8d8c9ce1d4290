package org.delineate.annotation;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.delineate.annotation.measure.SegmentMeasurement;
import org.delineate.dicom.code.Code;
import org.delineate.dicom.geometry.VolumeGeometry;
import org.delineate.dicom.io.AtomicFiles;
import org.delineate.dicom.seg.SegmentDescription;
import org.delineate.dicom.volume.SourceFrame;

/**
 * Writes an annotation as Delineate's JSON annotation document (format {@value #FORMAT}, version
 * {@value #VERSION}; schema in docs/annotation-json.md): grid, source references, segments with their DICOM
 * descriptions and run-length encoded masks, landmarks, measurements, the undo history and the edit log.
 * Atomic: the file appears complete or not at all. Stateless.
 */
public final class AnnotationJson {

    /** The value of the document's {@code format} field. */
    public static final String FORMAT = "delineate-annotation";
    /** The version this code writes; readers accept it and every earlier one. */
    public static final int VERSION = 1;

    private static final JsonFactory JSON = new JsonFactory();

    private AnnotationJson() {
    }

    /**
     * Writes {@code annotation} to {@code target}.
     *
     * @param measurements measurements to include for the reader's information (recomputed, not trusted, on
     *     reading), or an empty list
     */
    public static void write(Annotation annotation, List<SegmentMeasurement> measurements, Path target) throws IOException {
        AtomicFiles.write(target, out -> write(annotation, measurements, out));
    }

    /** Writes the document to a stream (not closed). */
    public static void write(Annotation annotation, List<SegmentMeasurement> measurements, OutputStream out)
            throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            grid(g, annotation.grid());
            if (annotation.source() != null) {
                source(g, annotation.source());
            }
            g.writeNumberField("layers", annotation.layerCount());
            g.writeArrayFieldStart("segments");
            for (Segment s : annotation.segments()) {
                g.writeStartObject();
                segmentFields(g, s);
                mask(g, annotation.layer(s.layer()), s.labelValue());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("landmarks");
            for (Landmark l : annotation.landmarks()) {
                landmark(g, l);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("measurements");
            for (SegmentMeasurement m : measurements) {
                measurement(g, m);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("history");
            g.writeNumberField("position", annotation.historyPosition());
            g.writeArrayFieldStart("steps");
            for (Change c : annotation.history()) {
                change(g, c);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeArrayFieldStart("log");
            for (EditRecord r : annotation.log()) {
                g.writeStartObject();
                g.writeStringField("tool", r.tool());
                g.writeNumberField("segment", r.segmentId());
                g.writeFieldName("slices");
                g.writeArray(r.slices(), 0, r.slices().length);
                g.writeStringField("time", r.time().toString());
                g.writeStringField("user", r.user());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void grid(JsonGenerator g, AnnotationGrid grid) throws IOException {
        VolumeGeometry geometry = grid.geometry();
        g.writeObjectFieldStart("grid");
        g.writeNumberField("columns", grid.columns());
        g.writeNumberField("rows", grid.rows());
        g.writeNumberField("slices", grid.slices());
        vector(g, "origin", geometry.origin());
        vector(g, "columnStep", geometry.columnStep());
        vector(g, "rowStep", geometry.rowStep());
        vector(g, "sliceStep", geometry.sliceStep());
        g.writeEndObject();
    }

    private static void source(JsonGenerator g, SourceReference source) throws IOException {
        g.writeObjectFieldStart("source");
        optional(g, "StudyInstanceUID", source.studyInstanceUid());
        optional(g, "SeriesInstanceUID", source.seriesInstanceUid());
        optional(g, "FrameOfReferenceUID", source.frameOfReferenceUid());
        g.writeArrayFieldStart("frames");
        for (SourceFrame f : source.frames()) {
            g.writeStartObject();
            optional(g, "ReferencedSOPClassUID", f.sopClassUid());
            optional(g, "ReferencedSOPInstanceUID", f.sopInstanceUid());
            g.writeNumberField("ReferencedFrameNumber", f.frameNumber());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The segment's fields without its mask: also used for segment lists in the history. */
    static void segmentFields(JsonGenerator g, Segment s) throws IOException {
        g.writeNumberField("id", s.id());
        g.writeNumberField("layer", s.layer());
        g.writeNumberField("labelValue", s.labelValue());
        g.writeStringField("color", String.format("#%06x", s.color()));
        g.writeNumberField("opacity", s.opacity());
        g.writeBooleanField("visible", s.visible());
        g.writeBooleanField("locked", s.locked());
        SegmentDescription d = s.description();
        optional(g, "SegmentLabel", d.segmentLabel());
        optional(g, "SegmentDescription", d.segmentDescription());
        optional(g, "SegmentAlgorithmType", d.algorithmType() == null ? null : d.algorithmType().name());
        optional(g, "SegmentAlgorithmName", d.algorithmName());
        code(g, "SegmentedPropertyCategoryCodeSequence", d.category());
        code(g, "SegmentedPropertyTypeCodeSequence", d.type());
        codes(g, "SegmentedPropertyTypeModifierCodeSequence", d.typeModifiers());
        code(g, "AnatomicRegionSequence", d.anatomicRegion());
        codes(g, "AnatomicRegionModifierSequence", d.anatomicRegionModifiers());
        optional(g, "TrackingID", d.trackingId());
        optional(g, "TrackingUID", d.trackingUid());
    }

    /** Runs of the label in each slice: {"slice": k, "runs": [start, length, ...]}, index j * columns + i. */
    private static void mask(JsonGenerator g, LabelLayer layer, int label) throws IOException {
        g.writeArrayFieldStart("mask");
        for (int k = 0; k < layer.slices(); k++) {
            short[] plane = layer.plane(k);
            if (plane == null) {
                continue;
            }
            boolean open = false;
            int n = 0;
            while (n < plane.length) {
                if ((plane[n] & 0xFFFF) != label) {
                    n++;
                    continue;
                }
                int start = n;
                while (n < plane.length && (plane[n] & 0xFFFF) == label) {
                    n++;
                }
                if (!open) {
                    g.writeStartObject();
                    g.writeNumberField("slice", k);
                    g.writeArrayFieldStart("runs");
                    open = true;
                }
                g.writeNumber(start);
                g.writeNumber(n - start);
            }
            if (open) {
                g.writeEndArray();
                g.writeEndObject();
            }
        }
        g.writeEndArray();
    }

    static void landmark(JsonGenerator g, Landmark l) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", l.id());
        g.writeStringField("name", l.name());
        code(g, "code", l.code());
        vector(g, "position", l.position());
        g.writeEndObject();
    }

    private static void measurement(JsonGenerator g, SegmentMeasurement m) throws IOException {
        g.writeStartObject();
        g.writeNumberField("segment", m.segmentId());
        g.writeNumberField("voxels", m.voxels());
        g.writeNumberField("volumeMl", m.volumeMl());
        number(g, "mean", m.mean());
        number(g, "sd", m.sd());
        number(g, "min", m.min());
        number(g, "max", m.max());
        g.writeNumberField("longestDiameterMm", m.longestDiameter());
        g.writeNumberField("perpendicularDiameterMm", m.perpendicularDiameter());
        g.writeNumberField("diameterSlice", m.diameterSlice());
        g.writeEndObject();
    }

    private static void change(JsonGenerator g, Change c) throws IOException {
        g.writeStartObject();
        if (c instanceof VoxelChange v) {
            g.writeStringField("type", "voxels");
            g.writeArrayFieldStart("changes");
            for (VoxelChange.SliceChange s : v.slices()) {
                g.writeStartObject();
                g.writeNumberField("layer", s.layer());
                g.writeNumberField("slice", s.slice());
                g.writeStringField("indices", ints(s.indices()));
                g.writeStringField("before", shorts(s.before()));
                g.writeStringField("after", shorts(s.after()));
                g.writeEndObject();
            }
            g.writeEndArray();
        } else if (c instanceof ListChange<?> l) {
            g.writeStringField("type", l.kind() == ListChange.Kind.SEGMENTS ? "segments" : "landmarks");
            list(g, "before", l);
            list(g, "after", l);
        } else if (c instanceof CompositeChange composite) {
            g.writeStringField("type", "composite");
            g.writeArrayFieldStart("parts");
            for (Change part : composite.parts()) {
                change(g, part);
            }
            g.writeEndArray();
        } else {
            throw new IllegalStateException("no JSON form for " + c.getClass());
        }
        g.writeEndObject();
    }

    private static void list(JsonGenerator g, String field, ListChange<?> l) throws IOException {
        g.writeArrayFieldStart(field);
        for (Object o : field.equals("before") ? l.before() : l.after()) {
            if (o instanceof Segment s) {
                g.writeStartObject();
                segmentFields(g, s);
                g.writeEndObject();
            } else {
                landmark(g, (Landmark) o);
            }
        }
        g.writeEndArray();
    }

    /** Little-endian 32-bit integers, base64. */
    static String ints(int[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(values);
        return Base64.getEncoder().encodeToString(b.array());
    }

    /** Little-endian unsigned 16-bit integers, base64. */
    static String shorts(short[] values) {
        ByteBuffer b = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asShortBuffer().put(values);
        return Base64.getEncoder().encodeToString(b.array());
    }

    private static void code(JsonGenerator g, String field, Code code) throws IOException {
        if (code == null) {
            return;
        }
        g.writeObjectFieldStart(field);
        g.writeStringField("CodeValue", code.value());
        g.writeStringField("CodingSchemeDesignator", code.schemeDesignator());
        g.writeStringField("CodeMeaning", code.meaning());
        g.writeEndObject();
    }

    private static void codes(JsonGenerator g, String field, List<Code> codes) throws IOException {
        if (codes.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart(field);
        for (Code c : codes) {
            g.writeStartObject();
            g.writeStringField("CodeValue", c.value());
            g.writeStringField("CodingSchemeDesignator", c.schemeDesignator());
            g.writeStringField("CodeMeaning", c.meaning());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void vector(JsonGenerator g, String field, double[] v) throws IOException {
        g.writeFieldName(field);
        g.writeArray(v, 0, v.length);
    }

    private static void optional(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    private static void number(JsonGenerator g, String field, double value) throws IOException {
        if (Double.isFinite(value)) {
            g.writeNumberField(field, value);
        }
    }
}

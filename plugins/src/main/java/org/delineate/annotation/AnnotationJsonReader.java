package org.delineate.annotation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.delineate.dicom.code.Code;
import org.delineate.dicom.geometry.VolumeGeometry;
import org.delineate.dicom.seg.SegmentAlgorithmType;
import org.delineate.dicom.seg.SegmentDescription;
import org.delineate.dicom.volume.SourceFrame;

/**
 * Reads Delineate's JSON annotation document (any version up to {@link AnnotationJson#VERSION}) back into an
 * {@link Annotation}: the same segments, voxels, landmarks, undo history (with its position) and edit log.
 * Measurements in the file are not read (they are recomputed from the voxels). Errors name the file, the
 * JSON path and what was expected. Stateless.
 */
public final class AnnotationJsonReader {

    private final String file;

    private AnnotationJsonReader(String file) {
        this.file = file;
    }

    /**
     * Reads the document at {@code path}.
     *
     * @param user who edits from now on, for the edit log
     */
    public static Annotation read(Path path, String user, Clock clock) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString(), user, clock);
        }
    }

    /** Reads a document from a stream; {@code name} names it in messages. */
    public static Annotation read(InputStream in, String name, String user, Clock clock) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
        JsonNode root;
        try {
            root = mapper.readTree(in);
        } catch (JsonProcessingException e) {
            throw new AnnotationFormatException(name, "$", "not JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
        return new AnnotationJsonReader(name).annotation(root, user, clock);
    }

    private Annotation annotation(JsonNode root, String user, Clock clock) throws IOException {
        if (root == null || !root.isObject()) {
            throw error("$", "expected an object");
        }
        if (!AnnotationJson.FORMAT.equals(root.path("format").asText())) {
            throw error("$.format", "expected \"" + AnnotationJson.FORMAT + "\", found " + root.path("format"));
        }
        int version = integer(root, "version", "$");
        if (version < 1 || version > AnnotationJson.VERSION) {
            throw error("$.version", "this Delineate reads versions 1 to " + AnnotationJson.VERSION + ", not " + version
                    + (version > AnnotationJson.VERSION ? " (written by a newer Delineate)" : ""));
        }
        AnnotationGrid grid = grid(object(root, "grid", "$"));
        SourceReference source = root.has("source") ? source(object(root, "source", "$"), grid) : null;
        Annotation a = new Annotation(grid, source, user, clock);
        int layerCount = integer(root, "layers", "$");
        if (layerCount < 1 || layerCount > 1024) {
            throw error("$.layers", "expected 1 to 1024 layers, found " + layerCount);
        }
        List<Segment> segments = new ArrayList<>();
        JsonNode list = array(root, "segments", "$");
        for (int n = 0; n < list.size(); n++) {
            String at = "$.segments[" + n + "]";
            Segment s = segment(list.get(n), at, layerCount);
            segments.add(s);
        }
        List<Landmark> landmarks = new ArrayList<>();
        JsonNode marks = array(root, "landmarks", "$");
        for (int n = 0; n < marks.size(); n++) {
            landmarks.add(landmark(marks.get(n), "$.landmarks[" + n + "]"));
        }
        JsonNode history = object(root, "history", "$");
        List<Change> steps = new ArrayList<>();
        JsonNode stepNodes = array(history, "steps", "$.history");
        for (int n = 0; n < stepNodes.size(); n++) {
            steps.add(change(stepNodes.get(n), "$.history.steps[" + n + "]", grid, layerCount));
        }
        int position = integer(history, "position", "$.history");
        if (position < 0 || position > steps.size()) {
            throw error("$.history.position", "expected 0 to " + steps.size() + ", found " + position);
        }
        List<EditRecord> log = new ArrayList<>();
        JsonNode logNodes = array(root, "log", "$");
        for (int n = 0; n < logNodes.size(); n++) {
            log.add(record(logNodes.get(n), "$.log[" + n + "]"));
        }
        a.restore(layerCount, segments, landmarks, steps, position, log);
        for (int n = 0; n < list.size(); n++) {
            Segment s = segments.get(n);
            mask(a.layer(s.layer()), s.labelValue(), array(list.get(n), "mask", "$.segments[" + n + "]"),
                    "$.segments[" + n + "].mask");
        }
        return a;
    }

    private AnnotationGrid grid(JsonNode g) throws IOException {
        int columns = integer(g, "columns", "$.grid");
        int rows = integer(g, "rows", "$.grid");
        int slices = integer(g, "slices", "$.grid");
        if (columns < 1 || rows < 1 || slices < 1 || (long) columns * rows > Integer.MAX_VALUE - 16) {
            throw error("$.grid", "expected a grid of at least 1 x 1 x 1 with slices under 2^31 voxels, found "
                    + columns + " x " + rows + " x " + slices);
        }
        try {
            return new AnnotationGrid(columns, rows, slices, new VolumeGeometry(vector(g, "origin", "$.grid"),
                    vector(g, "columnStep", "$.grid"), vector(g, "rowStep", "$.grid"), vector(g, "sliceStep", "$.grid")));
        } catch (IllegalArgumentException e) {
            throw error("$.grid", e.getMessage());
        }
    }

    private SourceReference source(JsonNode s, AnnotationGrid grid) throws IOException {
        List<SourceFrame> frames = new ArrayList<>();
        JsonNode list = array(s, "frames", "$.source");
        for (int n = 0; n < list.size(); n++) {
            JsonNode f = list.get(n);
            frames.add(new SourceFrame(text(f, "ReferencedSOPClassUID"), text(f, "ReferencedSOPInstanceUID"),
                    f.path("ReferencedFrameNumber").asInt(0)));
        }
        if (!frames.isEmpty() && frames.size() != grid.slices()) {
            throw error("$.source.frames", "expected one frame per slice (" + grid.slices() + "), found " + frames.size());
        }
        return new SourceReference(text(s, "StudyInstanceUID"), text(s, "SeriesInstanceUID"), text(s, "FrameOfReferenceUID"),
                frames);
    }

    private Segment segment(JsonNode s, String at, int layerCount) throws IOException {
        int layer = integer(s, "layer", at);
        if (layer < 0 || layer >= layerCount) {
            throw error(at + ".layer", "expected 0 to " + (layerCount - 1) + ", found " + layer);
        }
        String color = s.path("color").asText("#808080");
        int rgb;
        try {
            rgb = Integer.parseInt(color.startsWith("#") ? color.substring(1) : color, 16);
        } catch (NumberFormatException e) {
            throw error(at + ".color", "expected #rrggbb, found \"" + color + "\"");
        }
        String algorithm = text(s, "SegmentAlgorithmType");
        SegmentAlgorithmType type;
        try {
            type = algorithm == null ? null : SegmentAlgorithmType.valueOf(algorithm);
        } catch (IllegalArgumentException e) {
            throw error(at + ".SegmentAlgorithmType", "expected AUTOMATIC, SEMIAUTOMATIC or MANUAL, found " + algorithm);
        }
        SegmentDescription d = SegmentDescription.builder().segmentLabel(text(s, "SegmentLabel"))
                .segmentDescription(text(s, "SegmentDescription")).algorithmType(type)
                .algorithmName(text(s, "SegmentAlgorithmName"))
                .category(code(s.get("SegmentedPropertyCategoryCodeSequence"), at + ".SegmentedPropertyCategoryCodeSequence"))
                .type(code(s.get("SegmentedPropertyTypeCodeSequence"), at + ".SegmentedPropertyTypeCodeSequence"))
                .typeModifiers(codes(s.get("SegmentedPropertyTypeModifierCodeSequence"),
                        at + ".SegmentedPropertyTypeModifierCodeSequence"))
                .anatomicRegion(code(s.get("AnatomicRegionSequence"), at + ".AnatomicRegionSequence"))
                .anatomicRegionModifiers(codes(s.get("AnatomicRegionModifierSequence"), at + ".AnatomicRegionModifierSequence"))
                .trackingId(text(s, "TrackingID")).trackingUid(text(s, "TrackingUID")).build();
        try {
            return new Segment(integer(s, "id", at), d, rgb, s.path("opacity").asDouble(0.5),
                    s.path("visible").asBoolean(true), s.path("locked").asBoolean(false), layer,
                    integer(s, "labelValue", at));
        } catch (IllegalArgumentException e) {
            throw error(at, e.getMessage());
        }
    }

    private void mask(LabelLayer layer, int label, JsonNode slices, String at) throws IOException {
        int size = layer.columns() * layer.rows();
        for (int n = 0; n < slices.size(); n++) {
            String here = at + "[" + n + "]";
            int k = integer(slices.get(n), "slice", here);
            if (k < 0 || k >= layer.slices()) {
                throw error(here + ".slice", "expected 0 to " + (layer.slices() - 1) + ", found " + k);
            }
            JsonNode runs = array(slices.get(n), "runs", here);
            if (runs.size() % 2 != 0) {
                throw error(here + ".runs", "expected start and length pairs, found " + runs.size() + " numbers");
            }
            for (int r = 0; r < runs.size(); r += 2) {
                long start = runs.get(r).asLong(-1);
                long length = runs.get(r + 1).asLong(-1);
                if (start < 0 || length < 1 || start + length > size) {
                    throw error(here + ".runs[" + r + "]", "expected a run inside the slice of " + size
                            + " voxels, found start " + start + " length " + length);
                }
                for (int index = (int) start; index < start + length; index++) {
                    layer.set(index, k, label);
                }
            }
        }
    }

    private Landmark landmark(JsonNode l, String at) throws IOException {
        try {
            return new Landmark(integer(l, "id", at), text(l, "name") == null ? "" : text(l, "name"),
                    code(l.get("code"), at + ".code"), vector(l, "position", at));
        } catch (IllegalArgumentException e) {
            throw error(at, e.getMessage());
        }
    }

    private Change change(JsonNode c, String at, AnnotationGrid grid, int layerCount) throws IOException {
        String type = c.path("type").asText();
        switch (type) {
            case "voxels": {
                List<VoxelChange.SliceChange> slices = new ArrayList<>();
                JsonNode list = array(c, "changes", at);
                for (int n = 0; n < list.size(); n++) {
                    String here = at + ".changes[" + n + "]";
                    JsonNode s = list.get(n);
                    int layer = integer(s, "layer", here);
                    int slice = integer(s, "slice", here);
                    if (layer < 0 || layer >= layerCount || slice < 0 || slice >= grid.slices()) {
                        throw error(here, "expected a layer below " + layerCount + " and a slice below " + grid.slices());
                    }
                    int[] indices = ints(s, "indices", here, grid.columns() * grid.rows());
                    short[] before = shorts(s, "before", here, indices.length);
                    short[] after = shorts(s, "after", here, indices.length);
                    slices.add(new VoxelChange.SliceChange(layer, slice, indices, before, after));
                }
                return new VoxelChange(slices);
            }
            case "segments": {
                List<Segment> before = new ArrayList<>();
                List<Segment> after = new ArrayList<>();
                JsonNode b = array(c, "before", at);
                JsonNode f = array(c, "after", at);
                for (int n = 0; n < b.size(); n++) {
                    before.add(segment(b.get(n), at + ".before[" + n + "]", layerCount));
                }
                for (int n = 0; n < f.size(); n++) {
                    after.add(segment(f.get(n), at + ".after[" + n + "]", layerCount));
                }
                return new ListChange<>(ListChange.Kind.SEGMENTS, before, after);
            }
            case "landmarks": {
                List<Landmark> before = new ArrayList<>();
                List<Landmark> after = new ArrayList<>();
                JsonNode b = array(c, "before", at);
                JsonNode f = array(c, "after", at);
                for (int n = 0; n < b.size(); n++) {
                    before.add(landmark(b.get(n), at + ".before[" + n + "]"));
                }
                for (int n = 0; n < f.size(); n++) {
                    after.add(landmark(f.get(n), at + ".after[" + n + "]"));
                }
                return new ListChange<>(ListChange.Kind.LANDMARKS, before, after);
            }
            case "composite": {
                List<Change> parts = new ArrayList<>();
                JsonNode list = array(c, "parts", at);
                for (int n = 0; n < list.size(); n++) {
                    parts.add(change(list.get(n), at + ".parts[" + n + "]", grid, layerCount));
                }
                return new CompositeChange(parts);
            }
            default:
                throw error(at + ".type", "expected voxels, segments, landmarks or composite, found \"" + type + "\"");
        }
    }

    private EditRecord record(JsonNode r, String at) throws IOException {
        JsonNode slices = r.path("slices");
        int[] s = new int[slices.size()];
        for (int n = 0; n < s.length; n++) {
            s[n] = slices.get(n).asInt();
        }
        try {
            return new EditRecord(r.path("tool").asText(""), r.path("segment").asInt(0), s,
                    Instant.parse(r.path("time").asText()), r.path("user").asText(""));
        } catch (DateTimeParseException e) {
            throw error(at + ".time", "expected an ISO-8601 instant, found " + r.path("time"));
        }
    }

    private Code code(JsonNode c, String at) throws IOException {
        if (c == null || c.isNull()) {
            return null;
        }
        try {
            return new Code(c.path("CodeValue").asText(null), c.path("CodingSchemeDesignator").asText(null),
                    c.path("CodeMeaning").asText(null));
        } catch (IllegalArgumentException e) {
            throw error(at, e.getMessage());
        }
    }

    private List<Code> codes(JsonNode c, String at) throws IOException {
        List<Code> list = new ArrayList<>();
        if (c != null && c.isArray()) {
            for (int n = 0; n < c.size(); n++) {
                list.add(code(c.get(n), at + "[" + n + "]"));
            }
        }
        return list;
    }

    private int[] ints(JsonNode node, String field, String at, int limit) throws IOException {
        byte[] bytes = base64(node, field, at);
        if (bytes.length % 4 != 0) {
            throw error(at + "." + field, "expected 32-bit integers, found " + bytes.length + " bytes");
        }
        int[] values = new int[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(values);
        for (int v : values) {
            if (v < 0 || v >= limit) {
                throw error(at + "." + field, "expected voxel indices 0 to " + (limit - 1) + ", found " + v);
            }
        }
        return values;
    }

    private short[] shorts(JsonNode node, String field, String at, int count) throws IOException {
        byte[] bytes = base64(node, field, at);
        if (bytes.length != 2 * count) {
            throw error(at + "." + field, "expected " + count + " 16-bit labels, found " + bytes.length + " bytes");
        }
        short[] values = new short[count];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(values);
        return values;
    }

    private byte[] base64(JsonNode node, String field, String at) throws IOException {
        try {
            return Base64.getDecoder().decode(node.path(field).asText(""));
        } catch (IllegalArgumentException e) {
            throw error(at + "." + field, "expected base64, " + e.getMessage());
        }
    }

    private double[] vector(JsonNode node, String field, String at) throws IOException {
        JsonNode v = node.get(field);
        if (v == null || !v.isArray() || v.size() != 3) {
            throw error(at + "." + field, "expected an array of 3 numbers, found " + v);
        }
        double[] out = new double[3];
        for (int n = 0; n < 3; n++) {
            if (!v.get(n).isNumber()) {
                throw error(at + "." + field + "[" + n + "]", "expected a number, found " + v.get(n));
            }
            out[n] = v.get(n).asDouble();
        }
        return out;
    }

    private JsonNode object(JsonNode node, String field, String at) throws IOException {
        JsonNode v = node.get(field);
        if (v == null || !v.isObject()) {
            throw error(at + "." + field, "expected an object, found " + (v == null ? "nothing" : v.getNodeType()));
        }
        return v;
    }

    private JsonNode array(JsonNode node, String field, String at) throws IOException {
        JsonNode v = node.get(field);
        if (v == null || !v.isArray()) {
            throw error(at + "." + field, "expected an array, found " + (v == null ? "nothing" : v.getNodeType()));
        }
        return v;
    }

    private int integer(JsonNode node, String field, String at) throws IOException {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw error(at + "." + field, "expected an integer, found " + (v == null ? "nothing" : v));
        }
        return v.asInt();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private AnnotationFormatException error(String path, String message) {
        return new AnnotationFormatException(file, path, message);
    }
}

package org.delineate.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.delineate.annotation.edit.Brush;
import org.delineate.annotation.edit.PolygonFill;
import org.delineate.annotation.measure.Measurements;
import org.delineate.dicom.code.Code;
import org.delineate.dicom.volume.SourceFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON annotation document: what is saved comes back, history and all; bad documents are refused clearly. */
class AnnotationJsonTest {

    @TempDir
    Path tmp;

    private static Annotation sample() {
        Annotation a = AnnotationTest.annotation(64, 48, 6, 0.8, 2.5);
        Segment liver = a.addSegment(AnnotationTest.description("liver"), 0x995533, 0);
        Segment lesion = a.addSegment(AnnotationTest.description("lesion"), 0xFF0000, 0);
        int second = a.addLayer();
        Segment vessel = a.addSegment(AnnotationTest.description("vessel"), 0x0000FF, second);
        Brush brush = new Brush(a.grid());
        VoxelEdit e = a.edit("sphere brush", liver.id());
        brush.sphere(e, 30, 24, 3, 12, true);
        e.commit();
        VoxelEdit p = a.edit("polygon", lesion.id());
        PolygonFill.fill(p, new double[] {25, 35, 30}, new double[] {20, 20, 30}, 3, true);
        p.commit();
        VoxelEdit v = a.edit("brush", vessel.id());
        brush.stroke(v, 5, 5, 60, 40, 2, 2, true);
        v.commit();
        a.replaceSegment(a.segment(lesion.id()).withColor(0x00FF00).withLocked(true));
        a.addLandmark("tip", Code.sct("260233009", "Apex"), new double[] {1.5, -2.25, 10});
        a.removeSegment(vessel.id());
        a.undo();
        a.undo();
        return a;
    }

    private static void assertSameState(Annotation expected, Annotation actual) {
        assertEquals(expected.grid(), actual.grid());
        assertEquals(expected.segments(), actual.segments());
        assertEquals(expected.landmarks(), actual.landmarks());
        assertEquals(expected.layerCount(), actual.layerCount());
        for (int layer = 0; layer < expected.layerCount(); layer++) {
            for (int k = 0; k < expected.grid().slices(); k++) {
                for (int j = 0; j < expected.grid().rows(); j++) {
                    for (int i = 0; i < expected.grid().columns(); i++) {
                        assertEquals(expected.layer(layer).get(i, j, k), actual.layer(layer).get(i, j, k),
                                "layer " + layer + " voxel " + i + "," + j + "," + k);
                    }
                }
            }
        }
    }

    @Test
    void savedAnnotationsReloadWithTheirHistory() throws Exception {
        Annotation a = sample();
        Path file = tmp.resolve("a.json");
        AnnotationJson.write(a, Measurements.of(a, null), file);
        Annotation b = AnnotationJsonReader.read(file, "someone else", AnnotationTest.CLOCK);
        assertSameState(a, b);
        assertEquals(a.log(), b.log(), "the edit log");
        assertEquals(a.undoSteps(), b.undoSteps());
        assertTrue(a.redo() && b.redo(), "the undone steps can be redone after reloading");
        assertSameState(a, b);
        assertTrue(a.redo() && b.redo());
        assertSameState(a, b);
        for (int n = 0; n < 5; n++) {
            assertTrue(a.undo() && b.undo(), "undo " + n);
            assertSameState(a, b);
        }
        Segment fresh = b.addSegment(AnnotationTest.description("new"), 0, 0);
        assertTrue(fresh.id() > 3, "ids are never reused after reloading: " + fresh.id());
    }

    @Test
    void theDocumentIsPlainJsonWithTheDocumentedFields() throws Exception {
        Annotation a = sample();
        Path file = tmp.resolve("a.json");
        AnnotationJson.write(a, Measurements.of(a, null), file);
        org.delineate.dicom.Peers.assumeInstalled("/usr/bin/python3");
        var result = org.delineate.dicom.Peers.runPython("""
                import json, sys
                d = json.load(open(sys.argv[1]))
                print(d['format'], d['version'], d['grid']['columns'], len(d['segments']), d['layers'])
                s = d['segments'][0]
                n = sum(r for m in s['mask'] for r in m['runs'][1::2])
                print(s['SegmentLabel'], s['SegmentedPropertyTypeCodeSequence']['CodingSchemeDesignator'], n)
                print(d['history']['position'], len(d['history']['steps']), d['log'][0]['tool'])
                """, List.of(file), 60);
        Segment liver = a.segments().get(0);
        assertEquals("delineate-annotation 1 64 " + a.segments().size() + " 2\nliver SCT " + a.layer(0).count(liver.labelValue()) + "\n"
                + a.undoSteps() + " " + (a.undoSteps() + 2) + " add segment", result.stdout().strip());
    }

    @Test
    void badDocumentsAreRefusedNamingThePath() throws Exception {
        Annotation a = sample();
        Path file = tmp.resolve("a.json");
        AnnotationJson.write(a, List.of(), file);
        String json = Files.readString(file);
        Files.writeString(file, json.replace("\"version\" : 1", "\"version\" : 7"));
        var newer = assertThrows(AnnotationFormatException.class, () -> AnnotationJsonReader.read(file, "u", AnnotationTest.CLOCK));
        assertEquals(file + ": $.version: this Delineate reads versions 1 to 1, not 7 (written by a newer Delineate)",
                newer.getMessage());
        Files.writeString(file, json.replaceFirst("\"runs\" : \\[ (\\d+)", "\"runs\" : [ 99999999"));
        var run = assertThrows(AnnotationFormatException.class, () -> AnnotationJsonReader.read(file, "u", AnnotationTest.CLOCK));
        assertTrue(run.getMessage().startsWith(file + ": $.segments[0].mask[0].runs[0]: expected a run inside the slice of 3072"),
                run.getMessage());
        Files.write(file, "{\"format\": \"delineate-annotation\", ".getBytes(StandardCharsets.UTF_8));
        var broken = assertThrows(AnnotationFormatException.class, () -> AnnotationJsonReader.read(file, "u", AnnotationTest.CLOCK));
        assertTrue(broken.getMessage().startsWith(file + ": $: not JSON"), broken.getMessage());
    }

    @Test
    void sourceReferencesAreKept() throws Exception {
        Annotation base = AnnotationTest.annotation(4, 4, 2, 1, 1);
        SourceReference source = new SourceReference("2.25.1", "2.25.2", "2.25.3",
                List.of(new SourceFrame("1.2.840.10008.5.1.4.1.1.2", "2.25.10", 0),
                        new SourceFrame("1.2.840.10008.5.1.4.1.1.2", "2.25.11", 0)));
        Annotation a = new Annotation(base.grid(), source, "u", AnnotationTest.CLOCK);
        Path file = tmp.resolve("s.json");
        AnnotationJson.write(a, List.of(), file);
        assertEquals(source, AnnotationJsonReader.read(file, "u", AnnotationTest.CLOCK).source());
    }
}

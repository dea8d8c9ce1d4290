package org.delineate.dicom.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Sequence;
import org.delineate.dicom.data.VR;
import org.junit.jupiter.api.Test;

/** The comparison itself: it must see every kind of disagreement, and name where it is. */
class CodecComparisonTest {

    private static Map<String, Object> element(String tag, String vr, String kind, Object value) {
        return Map.of("tag", tag, "vr", vr, "kind", kind, "value", value);
    }

    private static List<CodecComparison.Difference> compare(List<?> pydicom, DataSet delineate, boolean implicit) {
        CodecComparison c = new CodecComparison(CodecComparison.Source.READ, false);
        c.compare("", pydicom, delineate, implicit);
        return c.differences();
    }

    @Test
    void agreesOnEqualValuesUpToPadding() {
        DataSet ds = new DataSet();
        ds.setString(0x00100010, VR.PN, "Doe^John");
        ds.setString(0x00080060, VR.CS, " MR");
        ds.setDoubles(0x00280030, VR.DS, 0.5, 0.25);
        ds.setInts(0x00280010, VR.US, 512);
        List<?> py = List.of(element("00080060", "CS", "strings", List.of(" MR")),
                element("00100010", "PN", "strings", List.of("Doe^John=")),
                element("00280010", "US", "numbers", List.of(512L)),
                element("00280030", "DS", "numbers", List.of(0.5, 0.25)));
        assertEquals(List.of(), compare(py, ds, false));
    }

    @Test
    void reportsValueVrAndPresenceDifferencesWithTheirPath() {
        DataSet ds = new DataSet();
        ds.setInts(0x00280010, VR.US, 512);
        ds.setString(0x00080060, VR.CS, "MR");
        Sequence seq = new Sequence(ds);
        seq.addItem().setString(0x00081150, VR.UI, "1.2.3");
        ds.put(org.delineate.dicom.data.DataElement.of(0x00081140, VR.SQ, seq));
        List<?> py = List.of(element("00080060", "LO", "strings", List.of("MR")),
                element("00081140", "SQ", "items", List.of(List.of(element("00081150", "UI", "strings", List.of("1.2.4"))))),
                element("00100010", "PN", "strings", List.of("Doe")),
                element("00280010", "US", "numbers", List.of(513L)));
        List<String> found = compare(py, ds, false).stream().map(Object::toString).toList();
        assertEquals(4, found.size(), found::toString);
        assertTrue(found.get(0).startsWith("(0008,0060): VR LO in pydicom, CS in Delineate"), found.get(0));
        assertTrue(found.get(1).startsWith("(0008,1140)[1].(0008,1150): pydicom UI strings [1.2.4]"), found.get(1));
        assertTrue(found.get(2).startsWith("(0010,0010): only pydicom has it"), found.get(2));
        assertTrue(found.get(3).startsWith("(0028,0010): pydicom US numbers [513], Delineate US numbers [512]"), found.get(3));
    }

    @Test
    void ambiguousUsOrSsMustNotChangeTheValue() {
        DataSet ds = new DataSet();
        ds.setInts(0x00280106, VR.US, 0xFFFF);
        List<?> py = List.of(element("00280106", "SS", "numbers", List.of(-1L)));
        List<CodecComparison.Difference> found = compare(py, ds, true);
        assertEquals(1, found.size(), found::toString);
        assertTrue(found.get(0).message().contains("Delineate US numbers [65535]"), found.toString());
    }

    @Test
    void privateValuesReadAsUnAreDecodedWithPydicomsVr() {
        DataSet ds = new DataSet();
        ds.setString(0x00090010, VR.LO, "CREATOR");
        ds.setBytes(0x00091001, VR.UN, "1.5 ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        List<?> ok = List.of(element("00090010", "LO", "strings", List.of("CREATOR")),
                element("00091001", "DS", "numbers", List.of(1.5)));
        assertEquals(List.of(), compare(ok, ds, true));
        List<?> wrong = List.of(element("00090010", "LO", "strings", List.of("CREATOR")),
                element("00091001", "DS", "numbers", List.of(2.5)));
        assertEquals(1, compare(wrong, ds, true).size());
    }
}

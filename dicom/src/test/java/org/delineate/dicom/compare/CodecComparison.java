package org.delineate.dicom.compare;

import org.delineate.dicom.JsonTree;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Tags;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.DictionaryEntry;
import org.delineate.dicom.dict.ElementDictionary;

/**
 * Compares pydicom's normalized view of a data set (from {@code pydicom_oracle.py}) with
 * Delineate's model of it, element by element at every depth: same tags, same VRs up to the
 * {@link Normalization}s, same values. Collects all differences, each with an attribute path such
 * as {@code (0062,0002)[1].(0062,0005)}, and counts the normalizations it applied.
 */
final class CodecComparison {

    /** Where the pydicom side comes from: the original file, or a file Delineate wrote. */
    enum Source { READ, WRITTEN }

    /** A disagreement at an attribute path. */
    record Difference(String path, String message) {
        @Override
        public String toString() {
            return path + ": " + message;
        }
    }

    private final Source source;
    private final boolean pydicomBigEndian;
    private final List<Difference> differences = new ArrayList<>();
    private final Map<Normalization, Integer> applied = new TreeMap<>();

    /**
     * @param source where the pydicom side comes from
     * @param pydicomBigEndian true when the file pydicom read is Explicit VR Big Endian
     */
    CodecComparison(Source source, boolean pydicomBigEndian) {
        this.source = source;
        this.pydicomBigEndian = pydicomBigEndian;
    }

    List<Difference> differences() {
        return differences;
    }

    /** How often each normalization was applied. */
    Map<Normalization, Integer> applied() {
        return applied;
    }

    /** Compares a list of pydicom elements with a Delineate data set (null for none). */
    void compare(String path, List<?> pydicom, DataSet delineate, boolean implicit) {
        Map<Integer, Map<?, ?>> py = new TreeMap<>(Integer::compareUnsigned);
        for (Object o : pydicom) {
            Map<?, ?> e = (Map<?, ?>) o;
            py.put((int) Long.parseLong((String) e.get("tag"), 16), e);
        }
        Set<Integer> tags = new TreeSet<>(Integer::compareUnsigned);
        tags.addAll(py.keySet());
        if (delineate != null) {
            for (DataElement e : delineate) {
                tags.add(e.tag());
            }
        }
        for (int tag : tags) {
            String at = path + Tags.toString(tag);
            Map<?, ?> p = py.get(tag);
            DataElement d = delineate == null ? null : delineate.get(tag);
            if (p == null) {
                differences.add(new Difference(at, "only Delineate has it: " + summary(ModelJson.element(d, d.vr(), delineate))));
            } else if (d == null) {
                differences.add(new Difference(at, "only pydicom has it: " + summary(p)));
            } else {
                compareElement(at, p, d, delineate, implicit);
            }
        }
    }

    private void compareElement(String at, Map<?, ?> p, DataElement d, DataSet context, boolean implicit) {
        if (source == Source.WRITTEN && Tags.isGroupLength(d.tag())) {
            count(Normalization.GROUP_LENGTH_RECOMPUTED);
            return;
        }
        String pvr = (String) p.get("vr");
        if (source == Source.WRITTEN && d.hasBytes() && (d.length() & 1) == 1) {
            count(Normalization.ODD_LENGTH_PADDED);
            byte[] padded = java.util.Arrays.copyOf(d.bytes(), d.bytes().length + 1);
            padded[padded.length - 1] = d.vr().paddingByte();
            d = DataElement.of(d.tag(), d.vr(), padded);
        }
        if (d.isSequence() && "UN".equals(pvr) && p.get("sequence") instanceof List) {
            count(Normalization.SEQUENCE_AS_UN);
            compareItems(at, (List<?>) p.get("sequence"), d, true);
            return;
        }
        Map<String, Object> mine = ModelJson.element(d, d.vr(), context);
        boolean sameVr = pvr.equals(d.vr().name());
        if (!sameVr && d.isSequence() && d.vr() == VR.UN && "SQ".equals(pvr)) {
            count(Normalization.UN_SEQUENCE);
            sameVr = true;
        }
        if (!sameVr) {
            Normalization rule = vrRule(d, pvr, implicit);
            if (rule == null) {
                differences.add(new Difference(at, "VR " + pvr + " in pydicom, " + d.vr() + " in Delineate (pydicom: "
                        + summary(p) + "; Delineate: " + summary(mine) + ")"));
                return;
            }
            count(rule);
            VR other = VR.of(pvr);
            if (!valuesEqual(p, mine) && rule.redecodes(d.vr(), other) && other != null && d.hasBytes()) {
                boolean big = context.bigEndian();
                if (d.vr() == VR.UN && pydicomBigEndian != big) {
                    count(Normalization.UN_BYTE_ORDER);
                    big = pydicomBigEndian;
                }
                mine = ModelJson.element(d, other, context, big);
            }
        }
        if ("error".equals(p.get("kind"))) {
            count(Normalization.PYDICOM_CONVERSION_ERROR);
            Map<?, ?> raw = (Map<?, ?>) p.get("value");
            Map<String, Object> ours = d.hasBytes() ? ModelJson.digest(d.bytes()) : Map.of();
            if (!Objects.equals(raw.get("sha256"), ours.get("sha256"))) {
                differences.add(new Difference(at, "pydicom could not convert the value (" + raw.get("type") + ": "
                        + raw.get("message") + ") and its raw bytes differ from Delineate's: " + summary(mine)));
            }
            return;
        }
        if ("items".equals(p.get("kind")) && d.isSequence()) {
            compareItems(at, (List<?>) p.get("value"), d, implicit || d.vr() == VR.UN);
            return;
        }
        if (!valuesEqual(p, mine)) {
            differences.add(new Difference(at, "pydicom " + summary(p) + ", Delineate " + summary(mine)));
        }
    }

    private void compareItems(String at, List<?> items, DataElement d, boolean implicit) {
        if (items.size() != d.sequence().size()) {
            differences.add(new Difference(at, items.size() + " items in pydicom, " + d.sequence().size()
                    + " in Delineate"));
        }
        for (int i = 0; i < Math.min(items.size(), d.sequence().size()); i++) {
            compare(at + "[" + (i + 1) + "].", (List<?>) items.get(i), d.sequence().get(i), implicit);
        }
    }

    /** The normalization that makes a VR difference acceptable here, or null. */
    private Normalization vrRule(DataElement d, String pvr, boolean implicit) {
        int tag = d.tag();
        VR dvr = d.vr();
        boolean privateTag = Tags.isPrivate(tag) && !Tags.isPrivateCreator(tag);
        DictionaryEntry entry = privateTag ? null : ElementDictionary.standard().entry(tag).orElse(null);
        if (source == Source.WRITTEN && implicit) {
            return Normalization.WRITTEN_IMPLICIT_VR;
        }
        if (Tags.isPrivate(tag) && dvr == VR.UN) {
            return Normalization.PRIVATE_DICTIONARY_VR;
        }
        if (!privateTag && dvr == VR.UN && (entry == null || entry.vrText().contains(pvr))
               ) {
            return Normalization.UN_DICTIONARY_VR;
        }
        if (implicit && entry != null && entry.isAmbiguous() && entry.vrText().contains(pvr)
                && entry.vrText().contains(dvr.name())) {
            return Normalization.AMBIGUOUS_VR;
        }
        if (implicit && !privateTag && "UN".equals(pvr)) {
            return Normalization.DICTIONARY_EDITION;
        }
        if (source == Source.WRITTEN && !implicit && "UN".equals(pvr) && !dvr.longHeader() && d.length() > 0xFFFF
               ) {
            return Normalization.LONG_VALUE_AS_UN;
        }
        return null;
    }

    private void count(Normalization n) {
        applied.merge(n, 1, Integer::sum);
    }

    /** Values equal after the text normalization of {@link Normalization#TEXT_PADDING}. */
    private boolean valuesEqual(Map<?, ?> p, Map<String, Object> mine) {
        Object kind = p.get("kind");
        if (!Objects.equals(kind, mine.get("kind"))) {
            return false;
        }
        Object a = p.get("value");
        Object b = mine.get("value");
        if ("strings".equals(kind)) {
            String code = (String) p.get("vr");
            if (!Normalization.text(code, (List<?>) a).equals(Normalization.text(code, (List<?>) b))) {
                return false;
            }
            if (!a.equals(b)) {
                count(Normalization.TEXT_PADDING);
            }
            return true;
        }
        if ("numbers".equals(kind)) {
            return numbersEqual((List<?>) a, (List<?>) b);
        }
        return Objects.equals(a, b);
    }

    private static boolean numbersEqual(List<?> a, List<?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            if (x instanceof Number && y instanceof Number) {
                boolean integral = !(x instanceof Double) && !(y instanceof Double);
                if (integral ? !new BigInteger(x.toString()).equals(new BigInteger(y.toString()))
                        : ((Number) x).doubleValue() != ((Number) y).doubleValue()) {
                    return false;
                }
            } else if (!Objects.equals(x, y)) {
                return false;
            }
        }
        return true;
    }

    /** A short description of an element for messages: VR, kind and (abbreviated) value. */
    static String summary(Map<?, ?> element) {
        Object value = element.get("value");
        if ("items".equals(element.get("kind"))) {
            value = ((List<?>) value).size() + " items";
        }
        return JsonTree.abbreviate(element.get("vr") + " " + element.get("kind") + " " + value);
    }
}

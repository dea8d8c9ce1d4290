package org.delineate.privacy.verify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Sequence;
import org.delineate.dicom.data.Tags;
import org.delineate.dicom.dict.ElementDictionary;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.dict.UidRegistry;

/**
 * Checks that the references of a set of de-identified outputs resolve inside the set: every Referenced SOP
 * Instance UID (to a stored object, at any depth) to an output's SOP Instance UID, every Series, Study and Frame
 * of Reference UID inside a sequence item (and Referenced / Related Frame of Reference UID) to an output's Series,
 * Study or Frame of Reference UID. Thread-safe: outputs are added from the worker threads; the result is computed
 * once at the end over the outputs finally released.
 *
 * <p>Only UIDs that de-identification replaced are checked (none under Retain UIDs), and not registry UIDs. A
 * reference whose item names a Referenced SOP Class UID that is not a storage class (Modality Performed Procedure
 * Step, Detached Study Management, ...) is not expected in the output and not checked. Keeps 64-bit hashes of
 * pseudonym UIDs, never a value; the result names attribute paths and counts only.
 */
public final class ReferenceCheck {

    /** What a reference must resolve to. */
    enum Target { INSTANCE, SERIES, STUDY, FRAME_OF_REFERENCE }

    /** Dangling references of one attribute path (item numbers folded to {@code [n]}). */
    public record Row(String path, String keyword, long checked, long dangling) {
    }

    /** The outcome over the released outputs. */
    public record Result(long outputs, long checked, long dangling, long outputsWithDangling, List<Row> rows) {
    }

    private record Reference(int path, Target target, long uid) {
    }

    private record Entry(long[] defines, List<Reference> references) {
    }

    private final boolean remapped;
    private final UidRegistry registry = UidRegistry.standard();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Integer> pathIds = new ConcurrentHashMap<>();
    private final List<String> paths = new ArrayList<>();

    private ReferenceCheck(boolean remapped) {
        this.remapped = remapped;
    }

    /** A check for outputs whose UIDs were replaced ({@code remapped}); false (Retain UIDs) checks nothing. */
    public static ReferenceCheck create(boolean remapped) {
        return new ReferenceCheck(remapped);
    }

    /** Records what the output named {@code name} defines and references; replaces an earlier record of the name. */
    public void add(String name, DataSet output) {
        long[] defines = new long[Target.values().length];
        defines[Target.INSTANCE.ordinal()] = hash(output.getString(Tag.SOPInstanceUID, ""));
        defines[Target.SERIES.ordinal()] = hash(output.getString(Tag.SeriesInstanceUID, ""));
        defines[Target.STUDY.ordinal()] = hash(output.getString(Tag.StudyInstanceUID, ""));
        defines[Target.FRAME_OF_REFERENCE.ordinal()] = hash(output.getString(Tag.FrameOfReferenceUID, ""));
        List<Reference> references = new ArrayList<>();
        if (remapped) {
            walk(output, "", 0, references);
        }
        entries.put(name, new Entry(defines, references.isEmpty() ? List.of() : references));
    }

    /** True when {@code name} was added. */
    public boolean has(String name) {
        return entries.containsKey(name);
    }

    private void walk(DataSet item, String prefix, int depth, List<Reference> out) {
        String itemClass = depth == 0 ? "" : item.getString(Tag.ReferencedSOPClassUID, "").strip();
        boolean stored = itemClass.isEmpty() || registry.entry(itemClass).map(e -> e.name().contains("Storage"))
                .orElse(true);
        for (DataElement e : item) {
            int tag = e.tag();
            if (e.isSequence()) {
                Sequence seq = e.sequence();
                for (DataSet child : seq) {
                    walk(child, prefix + Tags.toString(tag) + "[n].", depth + 1, out);
                }
                continue;
            }
            Target target = targetOf(tag, depth);
            if (target == null || target == Target.INSTANCE && !stored || !e.hasBytes()) {
                continue;
            }
            for (String value : item.getStrings(tag)) {
                String uid = value.strip();
                if (!uid.isEmpty() && registry.entry(uid).isEmpty()) {
                    out.add(new Reference(pathId(prefix + Tags.toString(tag)), target, hash(uid)));
                }
            }
        }
    }

    private static Target targetOf(int tag, int depth) {
        return switch (tag) {
            case Tag.ReferencedSOPInstanceUID -> Target.INSTANCE;
            case Tag.ReferencedFrameOfReferenceUID, Tag.RelatedFrameOfReferenceUID -> Target.FRAME_OF_REFERENCE;
            case Tag.SeriesInstanceUID -> depth > 0 ? Target.SERIES : null;
            case Tag.StudyInstanceUID -> depth > 0 ? Target.STUDY : null;
            case Tag.FrameOfReferenceUID -> depth > 0 ? Target.FRAME_OF_REFERENCE : null;
            default -> null;
        };
    }

    private int pathId(String path) {
        Integer id = pathIds.get(path);
        if (id != null) {
            return id;
        }
        synchronized (paths) {
            return pathIds.computeIfAbsent(path, p -> {
                paths.add(p);
                return paths.size() - 1;
            });
        }
    }

    /** The result over the outputs named in {@code released} (those not added are not checked). */
    public Result result(Collection<String> released) {
        List<Set<Long>> defined = new ArrayList<>();
        for (int i = 0; i < Target.values().length; i++) {
            defined.add(new HashSet<>());
        }
        List<Entry> checkedEntries = new ArrayList<>();
        for (String name : released) {
            Entry entry = entries.get(name);
            if (entry != null) {
                checkedEntries.add(entry);
                for (int i = 0; i < entry.defines().length; i++) {
                    if (entry.defines()[i] != 0) {
                        defined.get(i).add(entry.defines()[i]);
                    }
                }
            }
        }
        long[] checkedByPath = new long[paths.size()];
        long[] danglingByPath = new long[paths.size()];
        long checked = 0;
        long dangling = 0;
        long outputsWithDangling = 0;
        for (Entry entry : checkedEntries) {
            boolean any = false;
            for (Reference r : entry.references()) {
                checked++;
                checkedByPath[r.path()]++;
                if (!defined.get(r.target().ordinal()).contains(r.uid())) {
                    dangling++;
                    danglingByPath[r.path()]++;
                    any = true;
                }
            }
            outputsWithDangling += any ? 1 : 0;
        }
        Map<String, Row> rows = new TreeMap<>();
        ElementDictionary dictionary = ElementDictionary.standard();
        for (int i = 0; i < checkedByPath.length; i++) {
            if (checkedByPath[i] > 0) {
                String path = paths.get(i);
                int tag = Integer.parseUnsignedInt(path.substring(path.length() - 10, path.length() - 6)
                        + path.substring(path.length() - 5, path.length() - 1), 16);
                rows.put(path, new Row(path, dictionary.keywordOf(tag), checkedByPath[i], danglingByPath[i]));
            }
        }
        return new Result(checkedEntries.size(), checked, dangling, outputsWithDangling, List.copyOf(rows.values()));
    }

    /** FNV-1a 64 of the stripped UID; 0 for none. */
    static long hash(String uid) {
        String s = uid.strip();
        if (s.isEmpty()) {
            return 0;
        }
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h == 0 ? 1 : h;
    }
}

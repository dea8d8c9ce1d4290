package org.delineate.dicom.series;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.delineate.dicom.geometry.Vectors;

/**
 * Splits frames of one orientation into volumes where positions repeat (time points of fMRI, dynamic
 * or cardiac series, repeated acquisitions). Stateless.
 *
 * <p>Positions are slots along the slice normal ({@link Tolerances#position()} apart at least). When
 * no slot holds two frames, all frames make one volume. Otherwise the first of these attributes that
 * every frame has and that tells the repetitions apart (as many distinct values as the most frequent
 * position has frames, and no slot twice within a value) splits them, ordered by value:
 * TemporalPositionIndex / TemporalPositionIdentifier, AcquisitionNumber, TriggerTime,
 * AcquisitionTime. If none does, the n-th frame at each position (ordered by those attributes, then
 * InstanceNumber) goes to volume n, and the notes say so. A frame found twice (same SOP Instance UID
 * and frame number, e.g. a copied file) is used once.
 */
final class Repetitions {

    /** The volumes, in order, with what told them apart and notes for the user. */
    record Split(List<List<FrameHeader>> volumes, String attribute, List<Object> values, List<String> notes) {

        /** " (temporal position 3)" for volume v, or "" when the split was by order. */
        String describe(int v) {
            return attribute == null ? "" : " (" + attribute + " " + format(values.get(v)) + ")";
        }

        private static String format(Object value) {
            return value instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : String.valueOf(value);
        }
    }

    private record Attribute(String name, Function<FrameHeader, Object> value) {
    }

    private static final List<Attribute> ATTRIBUTES = List.of(
            new Attribute("temporal position", FrameHeader::temporalPositionIndex),
            new Attribute("acquisition", FrameHeader::acquisitionNumber),
            new Attribute("trigger time", f -> Double.isNaN(f.triggerTime()) ? null : (Object) f.triggerTime()),
            new Attribute("acquisition time", FrameHeader::acquisitionTime));

    private static final Comparator<Object> VALUE_ORDER = (a, b) -> a instanceof Number x && b instanceof Number y
            ? Double.compare(x.doubleValue(), y.doubleValue()) : a.toString().compareTo(b.toString());

    private static final Comparator<FrameHeader> ACQUISITION_ORDER = Comparator
            .comparing((FrameHeader f) -> f.temporalPositionIndex(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(FrameHeader::acquisitionNumber, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(f -> Double.isNaN(f.triggerTime()) ? null : f.triggerTime(),
                    Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(FrameHeader::acquisitionTime, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(FrameHeader::instanceNumber, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(f -> f.file().toString()).thenComparingInt(FrameHeader::frameNumber);

    private Repetitions() {
    }

    static Split split(List<FrameHeader> frames, Tolerances tolerances) {
        List<String> notes = new ArrayList<>();
        List<FrameHeader> unique = withoutCopies(frames, notes);
        Map<FrameHeader, Integer> slots = slots(unique, tolerances);
        int[] multiplicity = new int[slots.isEmpty() ? 0 : java.util.Collections.max(slots.values()) + 1];
        slots.values().forEach(s -> multiplicity[s]++);
        int most = 0;
        int least = Integer.MAX_VALUE;
        for (int m : multiplicity) {
            most = Math.max(most, m);
            least = Math.min(least, m);
        }
        if (most <= 1) {
            return new Split(List.of(unique), null, List.of(), notes);
        }
        for (Attribute attribute : ATTRIBUTES) {
            Split split = splitBy(attribute, unique, slots, most, notes);
            if (split != null) {
                return split;
            }
        }
        List<List<FrameHeader>> volumes = new ArrayList<>();
        Map<Integer, List<FrameHeader>> bySlot = new TreeMap<>();
        for (FrameHeader f : unique) {
            bySlot.computeIfAbsent(slots.get(f), s -> new ArrayList<>()).add(f);
        }
        for (int v = 0; v < most; v++) {
            volumes.add(new ArrayList<>());
        }
        for (List<FrameHeader> atSlot : bySlot.values()) {
            atSlot.sort(ACQUISITION_ORDER);
            for (int n = 0; n < atSlot.size(); n++) {
                volumes.get(n).add(atSlot.get(n));
            }
        }
        notes.add(String.format(Locale.ROOT, "Each of the %d slice positions holds %s frames, and TemporalPosition"
                + "Identifier, AcquisitionNumber, TriggerTime and AcquisitionTime do not tell the repetitions apart: "
                + "they are split into %d volumes by the order of those attributes, then of InstanceNumber.",
                multiplicity.length, least == most ? Integer.toString(most) : least + " to " + most, most));
        if (least != most) {
            notes.add("Some positions have fewer repetitions than others: volumes after the " + ordinal(least)
                    + " are incomplete.");
        }
        return new Split(volumes, null, List.of(), notes);
    }

    private static String ordinal(int n) {
        return n + (n % 10 == 1 && n % 100 != 11 ? "st" : n % 10 == 2 && n % 100 != 12 ? "nd"
                : n % 10 == 3 && n % 100 != 13 ? "rd" : "th");
    }

    private static Split splitBy(Attribute attribute, List<FrameHeader> frames, Map<FrameHeader, Integer> slots, int most,
            List<String> notes) {
        Map<Object, List<FrameHeader>> byValue = new TreeMap<>(VALUE_ORDER);
        for (FrameHeader f : frames) {
            Object value = attribute.value().apply(f);
            if (value == null) {
                return null;
            }
            byValue.computeIfAbsent(value, v -> new ArrayList<>()).add(f);
        }
        if (byValue.size() != most) {
            return null;
        }
        for (List<FrameHeader> volume : byValue.values()) {
            Set<Integer> seen = new HashSet<>();
            for (FrameHeader f : volume) {
                if (!seen.add(slots.get(f))) {
                    return null;
                }
            }
        }
        notes.add("The slice positions repeat: the frames are split into " + most + " volumes by " + attribute.name()
                + ".");
        return new Split(new ArrayList<>(byValue.values()), attribute.name(), new ArrayList<>(byValue.keySet()), notes);
    }

    /** The frames without a second copy of the same SOP instance frame; a note when there were copies. */
    private static List<FrameHeader> withoutCopies(List<FrameHeader> frames, List<String> notes) {
        Set<String> seen = new HashSet<>();
        List<FrameHeader> out = new ArrayList<>(frames.size());
        int copies = 0;
        for (FrameHeader f : frames) {
            if (f.sopInstanceUid() != null && !seen.add(f.sopInstanceUid() + "#" + f.frameNumber())) {
                copies++;
                continue;
            }
            out.add(f);
        }
        if (copies > 0) {
            notes.add(copies + " frame" + (copies == 1 ? " was" : "s were") + " found twice (same SOP Instance UID and "
                    + "frame number, e.g. a copied file): one copy of each is used.");
        }
        return out;
    }

    /** The 0-based position slot of each frame, in order along the slice normal. */
    static Map<FrameHeader, Integer> slots(List<FrameHeader> frames, Tolerances tolerances) {
        Map<FrameHeader, Integer> slots = new java.util.IdentityHashMap<>();
        if (frames.isEmpty()) {
            return slots;
        }
        double[] normal = StackBuilder.normal(frames.get(0).imageOrientationPatient());
        List<FrameHeader> sorted = new ArrayList<>(frames);
        sorted.sort(Comparator.comparingDouble(f -> Vectors.dot(f.imagePositionPatient(), normal)));
        int slot = -1;
        double start = Double.NEGATIVE_INFINITY;
        for (FrameHeader f : sorted) {
            double d = Vectors.dot(f.imagePositionPatient(), normal);
            if (d - start > tolerances.position()) {
                slot++;
                start = d;
            }
            slots.put(f, slot);
        }
        return slots;
    }
}

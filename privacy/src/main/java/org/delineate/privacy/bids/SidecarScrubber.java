package org.delineate.privacy.bids;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.DictionaryEntry;
import org.delineate.dicom.dict.ElementDictionary;
import org.delineate.dicom.dict.Tag;
import org.delineate.privacy.deid.AuditAction;
import org.delineate.privacy.deid.Deidentifier;
import org.delineate.privacy.verify.Finding;
import org.delineate.privacy.verify.IdentifierKind;
import org.delineate.privacy.verify.Identifiers;

/**
 * De-identifies a BIDS JSON sidecar (the metadata file of a NIfTI image, same base name) with the policy of the
 * DICOM files. Stateless; thread-safe when the engine is.
 *
 * <ul>
 * <li>A key that names a DICOM attribute (its PS3.6 keyword, as BIDS and dcm2niix use them: InstitutionName,
 * DeviceSerialNumber, StationName, PatientName, AcquisitionDateTime, StudyInstanceUID, ...; or one of the BIDS
 * names of {@link #ALIASES}) is de-identified by the engine as that attribute would be, in a data set made of these
 * keys: Table E.1-1 with the policy's options (institution keys kept only under Retain Institution Identity,
 * device keys under Retain Device Identity, descriptions under Clean Descriptors when they echo no identifier),
 * pseudonyms for PatientName and PatientID, pseudonym UIDs (the same as in the DICOM outputs), dates shifted by the
 * patient's offset. What the engine removes, empties or replaces with a dummy is dropped from the sidecar (a
 * sidecar has no Type 2 attributes to keep present). BIDS dates (2020-07-04, 2023-01-01T01:17:21.62) keep their
 * format.
 * <li>Other keys (BIDS acquisition parameters such as EchoTime, SliceTiming, PhaseEncodingDirection): numbers,
 * booleans and nulls are kept; a string that is a date (YYYY-MM-DD, optionally with a time) is treated as a date
 * the table does not list ({@link Deidentifier#datesNotInTable}); a key with a string (at any depth) that echoes an
 * identifier of the sidecar (the patient's names, IDs, birth date, UIDs, and every value the engine removed or
 * replaced) is dropped.
 * </ul>
 *
 * <p>The patient's date offset is the one of the sidecar's PatientID key; a sidecar without it gets the offset of
 * files without a Patient ID.
 */
public final class SidecarScrubber {

    /** BIDS keys naming a DICOM attribute under another keyword, and that keyword. */
    public static final Map<String, String> ALIASES = Map.of(
            // BIDS: "Corresponds to DICOM Tag 0008, 1090 Manufacturers Model Name"
            "ManufacturersModelName", "ManufacturerModelName",
            // dcm2niix's names of (0040,0254) and (0018,0015)
            "ProcedureStepDescription", "PerformedProcedureStepDescription",
            "BodyPart", "BodyPartExamined");
    /** Sidecars larger than this are refused. */
    public static final int MAX_BYTES = 16 << 20;
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ].*)?");
    private static final ElementDictionary DICTIONARY = ElementDictionary.standard();

    /**
     * A de-identified sidecar.
     *
     * @param json the sidecar to write
     * @param identifiers the sidecar's original identifiers, for the verification pass
     * @param patientId the original PatientID key (stripped), or ""
     * @param releasedPatientId the PatientID key written (its pseudonym), or "" when none is written
     */
    public record Result(Map<String, Object> json, Identifiers identifiers, String patientId,
            String releasedPatientId) {
    }

    /** Receives what was done to each key; keys that name no DICOM attribute are not named (they may be PHI). */
    @FunctionalInterface
    public interface Tally {
        void add(String key, String keyword, AuditAction action, String rule);
    }

    private record Mapped(String key, int tag, VR vr, boolean isoDate) {
    }

    private SidecarScrubber() {
    }

    /** Reads a sidecar: a JSON object of at most {@link #MAX_BYTES}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(byte[] json, String source) throws SidecarFormatException {
        if (json.length > MAX_BYTES) {
            throw new SidecarFormatException(source + ": larger than " + (MAX_BYTES >> 20) + " MiB, not a sidecar");
        }
        Object tree = JsonTree.read(json, source);
        if (!(tree instanceof Map)) {
            throw new SidecarFormatException(source + ": a JSON sidecar must be an object");
        }
        return (Map<String, Object>) tree;
    }

    /** {@code json} as UTF-8 text. */
    public static byte[] write(Map<String, Object> json) throws java.io.IOException {
        return JsonTree.write(json);
    }

    /** De-identifies {@code sidecar} with {@code engine}'s policy and pseudonyms. */
    public static Result scrub(Map<String, Object> sidecar, Deidentifier engine, Tally tally) {
        DataSet ds = new DataSet();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        Map<Integer, Mapped> byTag = new HashMap<>();
        Map<String, Mapped> mapped = new HashMap<>();
        for (Map.Entry<String, Object> e : sidecar.entrySet()) {
            Mapped m = map(e.getKey(), e.getValue(), ds, byTag);
            if (m != null) {
                mapped.put(e.getKey(), m);
                byTag.putIfAbsent(m.tag(), m);
            }
        }
        Identifiers identifiers = Identifiers.of(ds, engine);
        String patientId = ds.getString(Tag.PatientID, "").strip();
        Map<Integer, AuditAction> actions = new HashMap<>();
        engine.apply(ds, (itemPath, tag, action, rule) -> {
            Mapped m = itemPath.isEmpty() ? byTag.get(tag) : null;
            if (m != null) {
                actions.put(tag, action);
                tally.add("bids:" + m.key(), DICTIONARY.keywordOf(tag), action, rule);
            }
        });
        Identifiers.Builder echoes = Identifiers.builder().addAll(identifiers);
        for (Map.Entry<String, Mapped> e : mapped.entrySet()) {
            AuditAction action = actions.get(e.getValue().tag());
            if (action != AuditAction.KEPT && action != AuditAction.RECOMPUTED) {
                strings(sidecar.get(e.getKey())).forEach(s -> echoes.add(s, IdentifierKind.REMOVED_VALUE));
            }
        }
        Identifiers echo = echoes.build();
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : sidecar.entrySet()) {
            Mapped m = mapped.get(e.getKey());
            Optional<Object> value = m == null ? other(e.getValue(), engine, patientId, echo, tally)
                    : released(m, e.getValue(), actions.get(m.tag()), ds);
            value.ifPresent(v -> out.put(e.getKey(), v == NULL ? null : v));
        }
        String released = out.containsKey("PatientID") ? ds.getString(Tag.PatientID, "").strip() : "";
        return new Result(out, identifiers, patientId, released);
    }

    /** Stands for a JSON null kept (an {@code Optional} cannot hold null). */
    private static final Object NULL = new Object();

    /** Puts a key naming a DICOM attribute into {@code ds}; null when the key names none or the value does not fit. */
    private static Mapped map(String key, Object value, DataSet ds, Map<Integer, Mapped> byTag) {
        int tag = DICTIONARY.tagOf(ALIASES.getOrDefault(key, key));
        if (tag == -1 || byTag.containsKey(tag)) {
            return null;
        }
        DictionaryEntry entry = DICTIONARY.entry(tag).orElse(null);
        VR vr = entry == null ? null : entry.vr() != null ? entry.vr() : VR.of(entry.vrText().substring(0, 2));
        List<String> values = scalars(value);
        if (vr == null || vr == VR.SQ || values == null) {
            return null;
        }
        if (!vr.isText()) {
            // NB: only the decision matters (kept or removed): numbers are written back as they were
            ds.put(DataElement.of(tag, vr, new byte[0]));
            return new Mapped(key, tag, vr, false);
        }
        boolean iso = (vr == VR.DA || vr == VR.DT) && values.stream().allMatch(v -> ISO_DATE.matcher(v).matches());
        ds.setString(tag, vr, values.stream().map(v -> iso ? dicomDate(v) : v).toArray(String[]::new));
        return new Mapped(key, tag, vr, iso);
    }

    /** The value of a key naming a DICOM attribute after the engine, or empty to drop the key. */
    private static Optional<Object> released(Mapped m, Object original, AuditAction action, DataSet ds) {
        if (action == null) {
            return Optional.empty();
        }
        switch (action) {
            case KEPT -> {
                return Optional.of(original == null ? NULL : original);
            }
            case PSEUDONYM, UID_REPLACED, DATE_SHIFTED, RECOMPUTED -> {
                List<Object> values = new ArrayList<>();
                for (String v : ds.getStrings(m.tag())) {
                    values.add(m.isoDate() ? isoDate(v.strip()) : v.strip());
                }
                return Optional.of(original instanceof List ? values : values.isEmpty() ? "" : values.get(0));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** The value of a key naming no DICOM attribute, or empty to drop the key. */
    @SuppressWarnings("unchecked")
    private static Optional<Object> other(Object value, Deidentifier engine, String patientId, Identifiers echo,
            Tally tally) {
        if (value instanceof String s) {
            if (ISO_DATE.matcher(s).matches()) {
                String[] kept = engine.datesNotInTable(new String[] {dicomDate(s)}, s.length() > 10, patientId);
                tally.add("bids:(other key)", "", kept == null ? AuditAction.REMOVED : AuditAction.DATE_SHIFTED,
                        "BIDS date");
                return kept == null ? Optional.empty() : Optional.of(isoDate(kept[0]));
            }
            if (echo.find(s, true, false) != null) {
                tally.add("bids:(other key)", "", AuditAction.REMOVED, "BIDS identifier echo");
                return Optional.empty();
            }
            return Optional.of(s);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                Optional<Object> v = other(item, engine, patientId, echo, tally);
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                out.add(v.get() == NULL ? null : v.get());
            }
            return Optional.of(out);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                Optional<Object> v = echo.find(e.getKey(), true, false) != null ? Optional.empty()
                        : other(e.getValue(), engine, patientId, echo, tally);
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                out.put(e.getKey(), v.get() == NULL ? null : v.get());
            }
            return Optional.of(out);
        }
        return Optional.of(value == null ? NULL : value);
    }

    /** A string, number or array of them as DICOM values; null for other JSON values. */
    private static List<String> scalars(Object value) {
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof BigDecimal n) {
            return List.of(n.toPlainString());
        }
        if (value instanceof List<?> list && !list.isEmpty()) {
            List<String> out = new ArrayList<>();
            for (Object item : list) {
                List<String> one = item instanceof List ? null : scalars(item);
                if (one == null) {
                    return null;
                }
                out.addAll(one);
            }
            return out;
        }
        return null;
    }

    /** Every string in a JSON value. */
    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof String s) {
            out.add(s);
        } else if (value instanceof List<?> list) {
            list.forEach(item -> out.addAll(strings(item)));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(item -> out.addAll(strings(item)));
        }
        return out;
    }

    /** "2020-07-04..." as "20200704...": the engine shifts the first 8 digits and keeps the rest. */
    private static String dicomDate(String iso) {
        return iso.substring(0, 4) + iso.substring(5, 7) + iso.substring(8);
    }

    /** The inverse of {@link #dicomDate}. */
    private static String isoDate(String dicom) {
        return dicom.length() < 8 ? dicom : dicom.substring(0, 4) + "-" + dicom.substring(4, 6) + "-"
                + dicom.substring(6);
    }

    /**
     * The verification pass over a de-identified sidecar: every key and string (at any depth) searched for
     * {@code identifiers}. Findings are named by the DICOM keyword of the key, or its position for other keys.
     */
    public static List<Finding> verify(Map<String, Object> json, Identifiers identifiers) {
        List<Finding> findings = new ArrayList<>();
        int position = 0;
        for (Map.Entry<String, Object> e : json.entrySet()) {
            position++;
            String key = e.getKey();
            int tag = DICTIONARY.tagOf(ALIASES.getOrDefault(key, key));
            // NB: as in DICOM outputs, code strings are not searched for name tokens (HEAD may be a name)
            boolean names = tag == -1 || DICTIONARY.entry(tag).map(d -> !"CS".equals(d.vrText())).orElse(true);
            List<String> texts = new ArrayList<>(strings(e.getValue()));
            texts.add(key);
            collectKeys(e.getValue(), texts);
            for (String text : texts) {
                IdentifierKind kind = identifiers.find(text, names || text.equals(key), false);
                if (kind != null) {
                    findings.add(new Finding("sidecar key " + position, tag != -1 ? key : "", kind));
                    break;
                }
            }
        }
        return findings;
    }

    private static void collectKeys(Object value, List<String> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                out.add((String) k);
                collectKeys(v, out);
            });
        } else if (value instanceof List<?> list) {
            list.forEach(item -> collectKeys(item, out));
        }
    }
}

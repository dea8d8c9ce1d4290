package org.delineate.privacy.verify;

import java.util.regex.Pattern;

import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.DateTimes;
import org.delineate.dicom.data.Sequence;
import org.delineate.dicom.data.Tags;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.dict.UidRegistry;
import org.delineate.privacy.deid.Deidentifier;

/** Walks an input data set and adds its identifiers to a {@link Identifiers.Builder}. Not thread-safe; one per call. */
final class IdentifierCollector {

    /** UIDs shorter than this are not collected (they would match ordinary numbers). */
    private static final int MIN_UID = 8;
    private static final Pattern WORDS = Pattern.compile("[\\s,]+");

    private final Deidentifier engine;
    private final Identifiers.Builder out;
    private final UidRegistry registry = UidRegistry.standard();
    private String sopClass = "";

    IdentifierCollector(Deidentifier engine, Identifiers.Builder out) {
        this.engine = engine;
        this.out = out;
    }

    void collect(DataSet dataSet) {
        sopClass = dataSet.getString(Tag.SOPClassUID, "").strip();
        walk(dataSet, "");
    }

    private void walk(DataSet item, String prefix) {
        for (DataElement e : item) {
            int tag = e.tag();
            if (e.isSequence()) {
                Sequence seq = e.sequence();
                for (int i = 0; i < seq.size(); i++) {
                    walk(seq.get(i), prefix + Tags.toString(tag) + "[" + (i + 1) + "].");
                }
                continue;
            }
            if (!e.hasBytes() || e.length() == 0 || Tags.group(tag) == 0x0002) {
                continue;
            }
            IdentifierKind kind = kindOf(tag, e.vr());
            if (kind == null || engine.keepsValue(item, e, sopClass, prefix)) {
                continue;
            }
            for (String value : item.getStrings(tag)) {
                switch (kind) {
                    case PATIENT_NAME -> addName(value);
                    case BIRTH_DATE -> addBirthDate(value.strip());
                    case UID -> {
                        String uid = value.strip();
                        if (uid.length() >= MIN_UID && registry.entry(uid).isEmpty()) {
                            out.add(uid, IdentifierKind.UID);
                        }
                    }
                    default -> out.add(value, kind);
                }
            }
        }
    }

    private static IdentifierKind kindOf(int tag, VR vr) {
        if (vr == VR.UI) {
            return IdentifierKind.UID;
        }
        return switch (tag) {
            case Tag.PatientName, Tag.OtherPatientNames, Tag.PatientBirthName, Tag.PatientMotherBirthName ->
                IdentifierKind.PATIENT_NAME;
            case Tag.PatientID, Tag.OtherPatientIDs, Tag.AdmissionID, Tag.MedicalRecordLocator, Tag.StudyID ->
                IdentifierKind.PATIENT_ID;
            case Tag.AccessionNumber -> IdentifierKind.ACCESSION_NUMBER;
            case Tag.PatientBirthDate -> IdentifierKind.BIRTH_DATE;
            default -> null;
        };
    }

    /**
     * The whole name and the family, given and middle name of each component group (prefixes and suffixes such as
     * Dr or Jr are no identifiers), also split at spaces and commas.
     */
    private void addName(String value) {
        out.add(value, IdentifierKind.PATIENT_NAME);
        for (String group : value.split("=", -1)) {
            String[] components = group.split("\\^", -1);
            for (int c = 0; c < Math.min(3, components.length); c++) {
                out.add(components[c], IdentifierKind.PATIENT_NAME);
                for (String part : WORDS.split(components[c])) {
                    out.add(part, IdentifierKind.PATIENT_NAME);
                }
            }
        }
    }

    /** A DA value YYYYMMDD in the usual numeric formats: ISO, with dots or slashes, day first and month first. */
    private void addBirthDate(String da) {
        if (da.length() != 8 || !DateTimes.allDigits(da)) {
            return;
        }
        addBirthDate(out, da.substring(0, 4), da.substring(4, 6), da.substring(6, 8));
    }

    static void addBirthDate(Identifiers.Builder out, String y, String m, String d) {
        for (String s : new String[] {"", "-", "/", "."}) {
            out.add(y + s + m + s + d, IdentifierKind.BIRTH_DATE);
            out.add(d + s + m + s + y, IdentifierKind.BIRTH_DATE);
            out.add(m + s + d + s + y, IdentifierKind.BIRTH_DATE);
        }
    }
}

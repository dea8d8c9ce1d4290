package org.delineate.dicom.json;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.delineate.dicom.data.BulkData;
import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Fragments;
import org.delineate.dicom.data.PersonName;
import org.delineate.dicom.data.Tags;
import org.delineate.dicom.data.VR;

/**
 * Writes a data set in the DICOM JSON Model (PS3.18 Annex F): an object keyed by "GGGGEEEE", each
 * attribute with its "vr" and a "Value" array, PN as objects of component groups, DS and IS as
 * numbers, AT as "GGGGEEEE" strings, binary values as "InlineBinary" (base64) or, for values left
 * in their file, as a "BulkDataURI" naming the file, offset and length. Thread-safe.
 */
public final class DicomJsonWriter {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final boolean pretty;

    /** @param pretty indent the output for people */
    public DicomJsonWriter(boolean pretty) {
        this.pretty = pretty;
    }

    /** Writes {@code dataSet} to {@code out} (UTF-8); does not close the stream. */
    public void write(DataSet dataSet, OutputStream out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            if (pretty) {
                json.useDefaultPrettyPrinter();
            }
            writeDataSet(json, dataSet);
        }
    }

    /** Writes {@code dataSet} to a character stream; does not close it. */
    public void write(DataSet dataSet, java.io.Writer out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            if (pretty) {
                json.useDefaultPrettyPrinter();
            }
            writeDataSet(json, dataSet);
        }
    }

    private void writeDataSet(JsonGenerator json, DataSet dataSet) throws IOException {
        json.writeStartObject();
        for (DataElement e : dataSet) {
            json.writeFieldName(String.format("%08X", e.tag()));
            json.writeStartObject();
            // NB: a sequence read from a UN element (private, or in Implicit VR) is given as SQ.
            json.writeStringField("vr", e.isSequence() ? "SQ" : e.vr().name());
            writeValue(json, e, dataSet);
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private void writeValue(JsonGenerator json, DataElement e, DataSet context) throws IOException {
        if (e.isSequence()) {
            if (!e.sequence().isEmpty()) {
                json.writeArrayFieldStart("Value");
                for (DataSet item : e.sequence()) {
                    writeDataSet(json, item);
                }
                json.writeEndArray();
            }
            return;
        }
        if (e.isBulkData()) {
            BulkData bulk = e.bulkData();
            json.writeStringField("BulkDataURI", bulk.file().toUri() + "?offset=" + bulk.offset() + "&length=" + bulk.length());
            return;
        }
        if (e.isFragments()) {
            writeFragments(json, e.fragments());
            return;
        }
        if (e.isEmpty()) {
            return;
        }
        VR vr = e.vr();
        if (vr == VR.OB || vr == VR.OW || vr == VR.OF || vr == VR.OD || vr == VR.OL || vr == VR.OV || vr == VR.UN) {
            json.writeStringField("InlineBinary", Base64.getEncoder().encodeToString(littleEndian(e, context)));
            return;
        }
        json.writeArrayFieldStart("Value");
        switch (vr) {
            case PN:
                for (String value : context.getStrings(e.tag())) {
                    writePersonName(json, value);
                }
                break;
            case DS: case IS:
                for (String value : context.getStrings(e.tag())) {
                    writeNumber(json, value);
                }
                break;
            case FL: case FD:
                for (double value : context.getDoubles(e.tag())) {
                    if (Double.isFinite(value)) {
                        json.writeNumber(value);
                    } else {
                        json.writeString(Double.toString(value));
                    }
                }
                break;
            case US: case SS: case UL: case SL: case SV:
                for (long value : context.getLongs(e.tag())) {
                    json.writeNumber(value);
                }
                break;
            case UV:
                for (long value : context.getLongs(e.tag())) {
                    json.writeNumber(new java.math.BigInteger(Long.toUnsignedString(value)));
                }
                break;
            case AT:
                for (long value : context.getLongs(e.tag())) {
                    json.writeString(String.format("%08X", value));
                }
                break;
            default:
                for (String value : context.getStrings(e.tag())) {
                    if (value.isEmpty()) {
                        json.writeNull();
                    } else {
                        json.writeString(value);
                    }
                }
        }
        json.writeEndArray();
    }

    private static byte[] littleEndian(DataElement e, DataSet context) {
        byte[] bytes = e.bytes();
        int unit = e.vr() == VR.UN || e.vr() == VR.OB ? 1 : e.vr().unitSize();
        if (!context.bigEndian() || unit == 1) {
            return bytes;
        }
        byte[] out = new byte[bytes.length];
        for (int i = 0; i + unit <= bytes.length; i += unit) {
            for (int j = 0; j < unit; j++) {
                out[i + j] = bytes[i + unit - 1 - j];
            }
        }
        return out;
    }

    private static void writeFragments(JsonGenerator json, Fragments fragments) throws IOException {
        // NB: PS3.18 F.2.7 has no form for encapsulated fragments; like pydicom we give the
        // encapsulated value inline: the items with their headers, without the final delimiter.
        java.io.ByteArrayOutputStream encoded = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < fragments.size(); i++) {
            byte[] item = fragments.item(i);
            writeItemHeader(encoded, Tags.ITEM, item.length);
            encoded.write(item, 0, item.length);
        }
        json.writeStringField("InlineBinary", Base64.getEncoder().encodeToString(encoded.toByteArray()));
    }

    private static void writeItemHeader(java.io.ByteArrayOutputStream out, int tag, int length) {
        int[] words = {Tags.group(tag), Tags.element(tag)};
        for (int w : words) {
            out.write(w);
            out.write(w >>> 8);
        }
        for (int i = 0; i < 4; i++) {
            out.write(length >>> (8 * i));
        }
    }

    private static void writePersonName(JsonGenerator json, String value) throws IOException {
        if (value.isEmpty()) {
            json.writeNull();
            return;
        }
        PersonName name = PersonName.parse(value);
        json.writeStartObject();
        if (!name.alphabetic().isEmpty()) {
            json.writeStringField("Alphabetic", name.alphabetic());
        }
        if (!name.ideographic().isEmpty()) {
            json.writeStringField("Ideographic", name.ideographic());
        }
        if (!name.phonetic().isEmpty()) {
            json.writeStringField("Phonetic", name.phonetic());
        }
        json.writeEndObject();
    }

    /** NB: a DS or IS value that is not a number is written as a string rather than dropped. */
    private static void writeNumber(JsonGenerator json, String value) throws IOException {
        if (value.isEmpty()) {
            json.writeNull();
            return;
        }
        try {
            if (value.matches("[+-]?\\d{1,18}")) {
                json.writeNumber(Long.parseLong(value.startsWith("+") ? value.substring(1) : value));
            } else {
                double d = Double.parseDouble(value);
                if (Double.isFinite(d)) {
                    json.writeNumber(new java.math.BigDecimal(value.startsWith("+") ? value.substring(1) : value));
                } else {
                    json.writeString(value);
                }
            }
        } catch (NumberFormatException e) {
            json.writeString(value);
        }
    }
}

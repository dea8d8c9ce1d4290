package org.delineate.dicom.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.io.AtomicFiles;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.series.FrameHeader;
import org.delineate.dicom.series.FrameStack;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The BIDS-style JSON sidecar of a converted volume group: acquisition parameters under BIDS names (times in
 * seconds), the converter, and Delineate's notes on the geometry. Only the keys listed in
 * {@code docs/conversion.md} are written, from an allow-list: never PatientName, PatientID, PatientBirthDate or
 * any other patient or study identifier. Keys whose value the header lacks are left out. Stateless.
 */
final class BidsSidecar {

    private static final JsonFactory JSON = new JsonFactory();

    private BidsSidecar() {
    }

    /**
     * Writes the sidecar of {@code group} to {@code target}, through a temporary file beside it moved into place
     * when complete.
     *
     * @param header the header of the group's first volume (its first file, Pixel Data left out); null for none
     */
    static void write(List<FrameStack> group, DataSet firstHeader, String version, Path target) throws IOException {
        FrameHeader frame = group.get(0).frames().get(0);
        DataSet header = firstHeader != null ? firstHeader : new DataSet();
        AtomicFiles.write(target, out -> {
            try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                string(g, "Modality", find(header, Tag.Modality));
                string(g, "Manufacturer", find(header, Tag.Manufacturer));
                string(g, "ManufacturersModelName", find(header, Tag.ManufacturerModelName));
                number(g, "MagneticFieldStrength", find(header, Tag.MagneticFieldStrength), 0);
                string(g, "SeriesDescription", find(header, Tag.SeriesDescription));
                string(g, "ProtocolName", find(header, Tag.ProtocolName));
                if (frame.series().seriesNumber() != null) {
                    g.writeNumberField("SeriesNumber", frame.series().seriesNumber());
                }
                if (!frame.imageType().isEmpty()) {
                    g.writeArrayFieldStart("ImageType");
                    for (String value : frame.imageType()) {
                        g.writeString(value);
                    }
                    g.writeEndArray();
                }
                String echo = Double.isNaN(frame.echoTime()) ? find(header, Tag.EchoTime) : Double.toString(frame.echoTime());
                number(g, "EchoTime", echo, 3);
                number(g, "RepetitionTime", find(header, Tag.RepetitionTime), 3);
                number(g, "InversionTime", find(header, Tag.InversionTime), 3);
                number(g, "FlipAngle", find(header, Tag.FlipAngle), 0);
                number(g, "SliceThickness", positive(frame.sliceThickness()), 0);
                number(g, "SpacingBetweenSlices", positive(frame.spacingBetweenSlices()), 0);
                string(g, "AcquisitionTime", time(frame.acquisitionTime()));
                g.writeStringField("ConversionSoftware", "Delineate");
                g.writeStringField("ConversionSoftwareVersion", version);
                Set<String> notes = new LinkedHashSet<>();
                group.forEach(stack -> notes.addAll(stack.notes()));
                if (!notes.isEmpty()) {
                    g.writeArrayFieldStart("DelineateNotes");
                    for (String note : notes) {
                        g.writeString(note);
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
        });
    }

    /**
     * The first value of {@code tag}: at the top level, else in an item of a functional group of the Shared,
     * then of the first Per-Frame Functional Groups item (enhanced objects keep e.g. RepetitionTime there).
     */
    static String find(DataSet header, int tag) {
        String value = header.getString(tag);
        if (value != null && !value.isBlank()) {
            return value.strip();
        }
        for (int groups : new int[] {Tag.SharedFunctionalGroupsSequence, Tag.PerFrameFunctionalGroupsSequence}) {
            DataElement element = header.get(groups);
            if (element == null || !element.isSequence() || element.sequence().isEmpty()) {
                continue;
            }
            for (DataElement macro : element.sequence().get(0)) {
                if (!macro.isSequence()) {
                    continue;
                }
                for (DataSet item : macro.sequence()) {
                    String nested = item.getString(tag);
                    if (nested != null && !nested.isBlank()) {
                        return nested.strip();
                    }
                }
            }
        }
        return null;
    }

    private static String positive(double value) {
        return value > 0 ? Double.toString(value) : null;
    }

    private static void string(JsonGenerator g, String key, String value) throws IOException {
        if (value != null && !value.isBlank()) {
            g.writeStringField(key, value.strip());
        }
    }

    /** Writes a decimal string as a number, divided by 10^{@code shift} (3: milliseconds to seconds); skips non-numbers. */
    private static void number(JsonGenerator g, String key, String value, int shift) throws IOException {
        if (value == null) {
            return;
        }
        try {
            BigDecimal number = new BigDecimal(value.strip()).movePointLeft(shift).stripTrailingZeros();
            g.writeFieldName(key);
            g.writeNumber(number.scale() < 0 ? number.setScale(0) : number);
        } catch (NumberFormatException e) {
            // NB: a malformed DS is left out rather than written as text; the NIfTI is what matters.
        }
    }

    /** DICOM TM "hhmmss.ffffff" (or the time of a DT) as "hh:mm:ss.ffffff", as dcm2niix writes it; other text as is. */
    static String time(String tm) {
        if (tm == null || tm.isBlank()) {
            return null;
        }
        String t = tm.strip();
        if (t.matches("\\d{14}(\\.\\d{1,6})?([+-]\\d{4})?")) {
            t = t.substring(8).replaceFirst("[+-]\\d{4}$", ""); // NB: a DT (enhanced FrameAcquisitionDateTime): its time
        }
        if (!t.matches("\\d{6}(\\.\\d{1,6})?")) {
            return t;
        }
        return t.substring(0, 2) + ":" + t.substring(2, 4) + ":" + t.substring(4);
    }
}

package org.delineate.dicom.cli;

import java.io.IOException;
import java.io.PrintWriter;

import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Fragments;
import org.delineate.dicom.data.Tags;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.ElementDictionary;
import org.delineate.dicom.dict.UidRegistry;
import org.delineate.dicom.io.DicomFile;

/**
 * A readable listing of a DICOM file, one element a line: tag, VR, keyword (private elements show
 * their private creator in brackets), value. Items of sequences are indented. Long values are
 * shortened with "..." and binary values shown as their first bytes in hex with their length.
 */
public final class DumpListing {

    private static final int MAX_TEXT = 160;
    private static final int MAX_NUMBERS = 16;
    private static final int KEYWORD_WIDTH = 36;

    private final ElementDictionary dictionary = ElementDictionary.standard();
    private final UidRegistry uids = UidRegistry.standard();

    /** Prints the preamble state, File Meta Information and data set of {@code file}. */
    public void print(DicomFile file, PrintWriter out) throws IOException {
        if (file.fileMeta() != null) {
            out.println("# File Meta Information");
            print(file.fileMeta(), out, 0);
        }
        out.println("# Data Set: " + file.transferSyntax().name() + (file.complete() ? "" : " (read up to Pixel Data)"));
        print(file.dataSet(), out, 0);
    }

    /** Prints the elements of a data set at the given nesting depth. */
    public void print(DataSet dataSet, PrintWriter out, int depth) throws IOException {
        String indent = "  ".repeat(depth);
        for (DataElement e : dataSet) {
            String name = nameOf(e.tag(), dataSet);
            out.printf("%s%s %s %-" + Math.max(1, KEYWORD_WIDTH - indent.length()) + "s %s%n", indent, Tags.toString(e.tag()),
                    e.vr(), name, value(e, dataSet));
            if (e.isSequence()) {
                int number = 1;
                for (DataSet item : e.sequence()) {
                    out.println(indent + "  > item " + number++);
                    print(item, out, depth + 2);
                }
            }
        }
    }

    private String nameOf(int tag, DataSet dataSet) {
        if (Tags.isPrivate(tag) && !Tags.isPrivateCreator(tag)) {
            String creator = dataSet.privateCreatorOf(tag);
            return creator == null ? "[unreserved private]" : "[" + creator + "]";
        }
        if (Tags.isPrivateCreator(tag)) {
            return "PrivateCreator";
        }
        String keyword = dictionary.keywordOf(tag);
        return keyword.isEmpty() ? (Tags.isGroupLength(tag) ? "GroupLength" : "Unknown") : keyword;
    }

    private String value(DataElement e, DataSet dataSet) throws IOException {
        if (e.isSequence()) {
            int n = e.sequence().size();
            return n + (n == 1 ? " item" : " items");
        }
        if (e.isFragments()) {
            Fragments fragments = e.fragments();
            long total = 0;
            for (int i = 0; i < fragments.size(); i++) {
                total += fragments.itemLength(i);
            }
            return "encapsulated: offset table of " + fragments.itemLength(0) + " bytes, " + (fragments.size() - 1)
                    + " fragments, " + total + " bytes";
        }
        if (e.isBulkData()) {
            return e.length() + " bytes (at byte " + e.bulkData().offset() + " of the file)";
        }
        VR vr = e.vr();
        if (e.isEmpty()) {
            return "(no value)";
        }
        if (vr == VR.OB || vr == VR.OW || vr == VR.OF || vr == VR.OD || vr == VR.OL || vr == VR.OV || vr == VR.UN) {
            return hex(e.bytes()) + " (" + e.length() + " bytes)";
        }
        String[] values = dataSet.getStrings(e.tag());
        if (vr == VR.UI && values.length == 1 && !uids.nameOf(values[0]).isEmpty()) {
            return values[0] + " (" + uids.nameOf(values[0]) + ")";
        }
        if (!vr.isText() && values.length > MAX_NUMBERS) {
            String[] first = java.util.Arrays.copyOf(values, MAX_NUMBERS);
            return String.join("\\", first) + "\\... (" + values.length + " values)";
        }
        String text = String.join("\\", values).replace("\r", "\\r").replace("\n", "\\n");
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "... (" + e.length() + " bytes)" : text;
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 16); i++) {
            s.append(i == 0 ? "" : " ").append(String.format("%02x", bytes[i]));
        }
        return bytes.length > 16 ? s + " ..." : s.toString();
    }
}

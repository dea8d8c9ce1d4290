package org.delineate.privacy.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.delineate.dicom.data.Tags;
import org.delineate.dicom.dict.ElementDictionary;
import org.delineate.dicom.io.DicomFormatException;
import org.delineate.dicom.nifti.NiftiFormatException;
import org.delineate.privacy.bids.SidecarFormatException;

/**
 * Turns a read failure into a reason for the report without PHI. Stateless.
 *
 * <p>NB: readers' messages start with the file's path, and input paths can be PHI; they may quote what they
 * found, and when a file is not DICOM at all its first bytes read as a "tag" and a "length" are its content
 * (a text file's first characters). So a DICOM reason is rebuilt from the exception's fields: the byte offset,
 * the tag only when it is in the dictionary (its keyword shown), and the problem with every form of the path
 * replaced by {@code <input>}, quoted text by {@code '…'}, tags by {@code (gggg,eeee)} and numbers of five or
 * more digits by {@code N}. Other exceptions (whose messages are not under our control) give their kind only.
 */
final class Reasons {

    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
    private static final Pattern TAG = Pattern.compile("\\([0-9A-Fa-f]{4},[0-9A-Fa-f]{4}\\)( [A-Za-z0-9]+)?");
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{5,}");
    private static final int MAX_LENGTH = 300;

    private Reasons() {
    }

    static String of(IOException e, Path file, String relative) {
        String message = String.valueOf(e.getMessage());
        if (e instanceof DicomFormatException d) {
            StringBuilder s = new StringBuilder("not readable as DICOM");
            if (d.offset() >= 0) {
                s.append(" at byte ").append(d.offset());
            }
            String keyword = d.tag() == -1 ? "" : ElementDictionary.standard().keywordOf(d.tag());
            if (!keyword.isEmpty()) {
                s.append(", ").append(Tags.toString(d.tag())).append(' ').append(keyword);
            }
            String problem = strip(message, (d.source() == null ? "<stream>" : d.source()) + ": ");
            if (d.offset() >= 0) {
                problem = strip(problem, "at byte " + d.offset() + ", ");
            }
            if (d.tag() != -1) {
                problem = strip(problem, Tags.toString(d.tag()) + (keyword.isEmpty() ? "" : " " + keyword) + ": ");
            }
            return s.append(": ").append(clean(problem, file, relative)).toString();
        }
        if (e instanceof NiftiFormatException) {
            return "not readable as NIfTI: " + clean(message, file, relative);
        }
        if (e instanceof SidecarFormatException) {
            return "not readable as a JSON sidecar: " + clean(message, file, relative);
        }
        return "cannot be read (" + e.getClass().getSimpleName() + ")";
    }

    private static String clean(String message, Path file, String relative) {
        String m = replace(message, file.toAbsolutePath().toString());
        m = replace(m, file.toString());
        m = replace(m, relative);
        String name = file.getFileName().toString();
        if (name.length() >= 3) {
            m = replace(m, name);
        }
        m = QUOTED.matcher(m).replaceAll("'…'");
        m = TAG.matcher(m).replaceAll("(gggg,eeee)");
        m = LONG_NUMBER.matcher(m).replaceAll("N").replaceAll("[\\t\\r\\n]", " ");
        return m.length() > MAX_LENGTH ? m.substring(0, MAX_LENGTH) + "…" : m;
    }

    private static String strip(String message, String prefix) {
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static String replace(String message, String text) {
        return text.isEmpty() ? message : message.replace(text, "<input>");
    }
}

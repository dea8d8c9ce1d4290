package org.delineate.plugins.editor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.delineate.annotation.LandmarkTemplate;
import org.delineate.dicom.code.Code;

/**
 * Landmark templates as text: a line {@code template<TAB>NAME} starts a template, each following line
 * {@code point<TAB>NAME} or {@code point<TAB>NAME<TAB>SCHEME<TAB>VALUE<TAB>MEANING} (a coded point, e.g.
 * {@code SCT}) adds its next point; empty lines and lines starting with {@code #} are ignored. Delineate ships
 * {@code landmark-templates.tsv} beside this class; users load their own files in the same format.
 */
public final class LandmarkTemplates {

    static final String RESOURCE = "landmark-templates.tsv";

    private LandmarkTemplates() {
    }

    /** The templates Delineate ships. */
    public static List<LandmarkTemplate> shipped() {
        try (InputStream in = LandmarkTemplates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("resource " + RESOURCE + " is missing from the classpath");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped landmark templates", e);
        }
    }

    /** Reads the templates of a UTF-8 file. */
    public static List<LandmarkTemplate> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, file.toString());
        }
    }

    /**
     * Parses templates.
     *
     * @param source names the text in error messages
     * @throws IOException naming the source and line when a line is not a template or point line, a point comes
     *     before any template, a template has no points, or there is no template at all
     */
    public static List<LandmarkTemplate> parse(Reader text, String source) throws IOException {
        List<LandmarkTemplate> out = new ArrayList<>();
        BufferedReader reader = new BufferedReader(text);
        String name = null;
        List<LandmarkTemplate.Entry> entries = new ArrayList<>();
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String where = source + " line " + number + ": ";
            if (f[0].equals("template") && f.length == 2 && !f[1].isBlank()) {
                add(out, name, entries, where);
                name = f[1].strip();
                entries = new ArrayList<>();
            } else if (f[0].equals("point") && (f.length == 2 || f.length == 5) && !f[1].isBlank()) {
                if (name == null) {
                    throw new IOException(where + "a point before the first \"template\" line");
                }
                Code code = f.length == 5 ? code(f, where) : null;
                entries.add(new LandmarkTemplate.Entry(f[1].strip(), code));
            } else {
                throw new IOException(where + "expected \"template<TAB>name\" or \"point<TAB>name\" (optionally followed by "
                        + "<TAB>scheme<TAB>value<TAB>meaning), found \"" + line + "\"");
            }
        }
        add(out, name, entries, source + " line " + number + ": ");
        if (out.isEmpty()) {
            throw new IOException(source + ": no template found (a \"template<TAB>name\" line and its \"point\" lines)");
        }
        return List.copyOf(out);
    }

    private static void add(List<LandmarkTemplate> out, String name, List<LandmarkTemplate.Entry> entries, String where)
            throws IOException {
        if (name == null) {
            return;
        }
        if (entries.isEmpty()) {
            throw new IOException(where + "template \"" + name + "\" has no points");
        }
        out.add(new LandmarkTemplate(name, entries));
    }

    private static Code code(String[] f, String where) throws IOException {
        try {
            return new Code(f[3].strip(), f[2].strip(), f[4].strip());
        } catch (IllegalArgumentException e) {
            throw new IOException(where + "not a code: " + e.getMessage(), e);
        }
    }
}

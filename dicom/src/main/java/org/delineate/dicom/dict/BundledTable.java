package org.delineate.dicom.dict;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads a table generated into the jar at build time: UTF-8 text, one row a line, fields separated by tabs, lines
 * starting with {@code #} comments.
 *
 * <p>NB: the whole text scanned by index, not read line by line and split: the first command of a new JVM runs
 * this interpreted, and {@code BufferedReader}, {@code String.split} and a regular expression per line made loading
 * the 5000-row dictionary the longest step of a start.
 */
final class BundledTable {

    private BundledTable() {
    }

    /**
     * Hands each row of the resource {@code name} (beside {@code anchor}'s class file) to {@code rows} as an array of
     * exactly {@code fields} fields (reused from row to row), and each comment line, without its '#', to
     * {@code comments}.
     */
    static void read(Class<?> anchor, String name, int fields, Consumer<String> comments, Consumer<String[]> rows) {
        String text;
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path: rebuild the dicom module");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled table " + name, e);
        }
        String[] f = new String[fields];
        for (int line = 0, next; line < text.length(); line = next + 1) {
            next = text.indexOf('\n', line);
            if (next < 0) {
                next = text.length();
            }
            if (text.charAt(line) == '#') {
                comments.accept(text.substring(line + 1, next));
                continue;
            }
            for (int i = 0, from = line; i < fields; i++) {
                int tab = i == fields - 1 ? next : text.indexOf('\t', from);
                if (tab < 0 || tab > next) {
                    throw new IllegalStateException(name + ": a row with fewer than " + fields + " fields at character "
                            + line);
                }
                f[i] = text.substring(from, tab);
                from = tab + 1;
            }
            rows.accept(f);
        }
    }
}

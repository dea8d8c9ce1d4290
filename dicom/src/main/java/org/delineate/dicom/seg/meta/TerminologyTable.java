package org.delineate.dicom.seg.meta;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.delineate.dicom.code.Code;

/**
 * Parses {@code segmentation-properties.tsv}: tab-separated rows {@code kind scheme value meaning category cid
 * rgb srt other_meanings}; lines starting with {@code #} are comments. Refuses duplicates (a code or meaning
 * twice among categories or among types, an SRT code mapped to two codes), types whose category is not a listed
 * category, and malformed colors, naming the line.
 */
final class TerminologyTable {

    private static final int COLUMNS = 9;

    private final String source;

    TerminologyTable(String source) {
        this.source = source;
    }

    Terminology parse(BufferedReader reader, Terminology.Factory factory) throws IOException {
        List<Code> categories = new ArrayList<>();
        Set<String> categoryMeanings = new HashSet<>();
        List<String[]> typeRows = new ArrayList<>();
        List<Integer> typeLines = new ArrayList<>();
        Map<String, Code> sctBySrt = new LinkedHashMap<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != COLUMNS) {
                throw error(number, f.length + " columns, expected " + COLUMNS);
            }
            Code code = code(number, f[1], f[2], f[3]);
            if (!f[7].isEmpty()) {
                if (!"SCT".equals(code.schemeDesignator())) {
                    throw error(number, "an SRT mapping for a code that is not SCT");
                }
                Code before = sctBySrt.put(f[7], code);
                if (before != null && !before.equals(code)) {
                    throw error(number, "SRT code " + f[7] + " mapped to " + before + " and " + code);
                }
            }
            switch (f[0]) {
                case "category" -> {
                    if (categories.contains(code) || !categoryMeanings.add(key(code.meaning()))) {
                        throw error(number, "category " + code + " listed twice");
                    }
                    categories.add(code);
                }
                case "type" -> {
                    typeRows.add(f);
                    typeLines.add(number);
                }
                default -> throw error(number, "kind \"" + f[0] + "\", expected category or type");
            }
        }
        Map<String, Code> categoryByValue = new HashMap<>();
        categories.forEach(c -> categoryByValue.put(c.value(), c));
        List<Terminology.PropertyType> types = new ArrayList<>();
        Set<Code> typeCodes = new HashSet<>();
        Set<String> typeMeanings = new HashSet<>();
        for (int i = 0; i < typeRows.size(); i++) {
            String[] f = typeRows.get(i);
            int at = typeLines.get(i);
            Code code = code(at, f[1], f[2], f[3]);
            if (!typeCodes.add(code) || !typeMeanings.add(key(code.meaning()))) {
                throw error(at, "type " + code + " listed twice");
            }
            Code category = categoryByValue.get(f[4]);
            if (category == null) {
                throw error(at, "category " + f[4] + " of " + code + " is not a listed category");
            }
            types.add(new Terminology.PropertyType(code, category, integer(at, f[5]), rgb(at, f[6]),
                    f[8].isEmpty() ? List.of() : List.of(f[8].split("\\|"))));
        }
        return factory.create(categories, types, sctBySrt);
    }

    private Code code(int line, String scheme, String value, String meaning) throws IOException {
        try {
            return new Code(value, scheme, meaning);
        } catch (IllegalArgumentException e) {
            throw error(line, e.getMessage());
        }
    }

    private int integer(int line, String text) throws IOException {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw error(line, "\"" + text + "\" is not an integer");
        }
    }

    private int[] rgb(int line, String text) throws IOException {
        String[] parts = text.split(",", -1);
        if (parts.length != 3) {
            throw error(line, "color \"" + text + "\", expected r,g,b");
        }
        int[] rgb = new int[3];
        for (int i = 0; i < 3; i++) {
            int c = integer(line, parts[i]);
            if (c < 0 || c > 255) {
                throw error(line, "color component " + c + ", expected 0 to 255");
            }
            rgb[i] = c;
        }
        return rgb;
    }

    private IOException error(int line, String problem) {
        return new IOException(source + " line " + line + ": " + problem);
    }

    private static String key(String meaning) {
        return meaning.strip().toLowerCase(Locale.ROOT);
    }
}

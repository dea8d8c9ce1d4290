package org.delineate.privacy.verify;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.delineate.dicom.data.DataSet;
import org.delineate.privacy.deid.Deidentifier;

/**
 * The original identifiers of one input (or one patient) that must not appear in its de-identified output, and
 * the search for them in text. Immutable once built; thread-safe. Holds PHI: kept in memory only, never written,
 * never logged, never in an exception message.
 *
 * <p>Matching ignores case. Tokens made of digits and dots (UIDs, numeric IDs, birth dates such as 19700315 or
 * 15.03.1970) match where no digit is right before or after them, so an ID is found in {@code MRN0012345} or inside
 * a longer UID at a component boundary, but not inside a longer number. Other tokens shorter than 5 characters match
 * as whole words only (not next to a letter or digit); tokens without letters (1970-03-15) where no digit is next to
 * them; the rest anywhere. In binary values read as text only tokens of 5 characters or more are searched:
 * shorter ones occur by chance in large binary values.
 *
 * <p>NB: not collected, because they would match ordinary words and numbers: tokens shorter than 3 characters (4
 * when all digits), decimal numbers, the engine's dummy text {@code ANONYMOUS}, the family name of pseudonyms
 * {@code PSEUDO} and the dummy date 19000101 (an input that is itself a de-identified output holds them).
 */
public final class Identifiers {

    /** Tokens longer than this are not collected (no DICOM name component or ID is longer). */
    static final int MAX_TOKEN = 64;
    /** In binary values, tokens shorter than this are not searched. */
    static final int BINARY_MIN = 5;
    private static final int ANYWHERE_MIN = 5;
    private static final List<String> NEVER = List.of("ANONYMOUS", "PSEUDO", "19000101");

    private enum Mode { ANYWHERE, WORD, NUMBER }

    private record Token(String text, IdentifierKind kind, Mode mode) {
    }

    /** Tokens of digits and dots, found by looking up the digit runs of a text. */
    private final Map<String, IdentifierKind> numeric;
    /** The distinct lengths of the numeric tokens, ascending: only parts of a run of these lengths are looked up. */
    private final int[] numericLengths;
    /** The other tokens, upper case, searched one by one. */
    private final List<Token> text;

    private Identifiers(Map<String, IdentifierKind> numeric, List<Token> text) {
        this.numeric = numeric;
        // NB: no stream: made for every file a run verifies, where a new JVM runs stream pipelines interpreted
        BitSet lengths = new BitSet();
        for (String token : numeric.keySet()) {
            lengths.set(token.length());
        }
        this.numericLengths = new int[lengths.cardinality()];
        for (int i = lengths.nextSetBit(0), k = 0; i >= 0; i = lengths.nextSetBit(i + 1)) {
            numericLengths[k++] = i;
        }
        this.text = text;
    }

    /**
     * The identifiers of an input data set, collected before it is de-identified: every token of the patient's
     * names, patient and study IDs, the accession number, the birth date in several formats and every UID not in
     * the PS3.6 registry, at every depth, except where {@code engine}'s policy keeps the attribute's value as it is
     * (action K: a policy override, Retain UIDs, Retain Device Identity's Device UID, class UIDs).
     */
    public static Identifiers of(DataSet input, Deidentifier engine) {
        Builder b = builder();
        new IdentifierCollector(engine, b).collect(input);
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The number of tokens. */
    public int size() {
        return numeric.size() + text.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /**
     * The kind of the first identifier found in {@code value}, or null.
     *
     * @param names false to leave out the patient's name tokens (for code strings, whose defined terms such as
     *        HEAD or BRAIN may equal a name)
     * @param binary true when {@code value} is a binary value read as text: tokens under 5 characters are skipped
     */
    public IdentifierKind find(String value, boolean names, boolean binary) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        IdentifierKind kind = numeric.isEmpty() ? null : findNumeric(value, binary);
        if (kind != null) {
            return kind;
        }
        if (text.isEmpty()) {
            return null;
        }
        // NB: most values (UIDs, dates, numbers) have no letter: no upper-case copy, only tokens without letters
        boolean letters = hasLetter(value);
        String upper = letters ? value.toUpperCase(Locale.ROOT) : value;
        for (Token t : text) {
            if (!names && t.kind() == IdentifierKind.PATIENT_NAME || binary && t.text().length() < BINARY_MIN
                    || !letters && t.mode() != Mode.NUMBER) {
                continue;
            }
            if (t.mode() == Mode.ANYWHERE ? upper.contains(t.text()) : bounded(upper, t)) {
                return t.kind();
            }
        }
        return null;
    }

    private static boolean hasLetter(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isLetter(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean bounded(String upper, Token t) {
        String token = t.text();
        for (int i = upper.indexOf(token); i >= 0; i = upper.indexOf(token, i + 1)) {
            int end = i + token.length();
            if (!joins(upper, i - 1, t.mode()) && !joins(upper, end, t.mode())) {
                return true;
            }
        }
        return false;
    }

    /** True when the character at {@code i} (if any) continues a match of {@code mode}'s kind. */
    private static boolean joins(String s, int i, Mode mode) {
        if (i < 0 || i >= s.length()) {
            return false;
        }
        char c = s.charAt(i);
        return mode == Mode.NUMBER ? Character.isDigit(c) : Character.isLetterOrDigit(c);
    }

    /** Looks up every run of digits and dots, and each part of it between dots, in the numeric tokens. */
    private IdentifierKind findNumeric(String value, boolean binary) {
        int n = value.length();
        int i = 0;
        while (i < n) {
            if (!numericChar(value.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < n && numericChar(value.charAt(end))) {
                end++;
            }
            IdentifierKind kind = findInRun(value, i, end, binary);
            if (kind != null) {
                return kind;
            }
            i = end;
        }
        return null;
    }

    /**
     * Looks up the parts of the run {@code value[from, to)} that start and end at a component boundary (the run's
     * ends or a dot) and have the length of a token. NB: only those lengths, so a UID of many components costs a
     * few character tests per component, not a string per pair of components.
     */
    private IdentifierKind findInRun(String value, int from, int to, boolean binary) {
        int min = binary ? BINARY_MIN : 1;
        for (int s = from; s < to; s++) {
            if (value.charAt(s) == '.' || s > from && value.charAt(s - 1) != '.') {
                continue;
            }
            for (int length : numericLengths) {
                int e = s + length;
                if (e > to) {
                    break;
                }
                if (length >= min && (e == to || value.charAt(e) == '.') && value.charAt(e - 1) != '.') {
                    IdentifierKind kind = numeric.get(value.substring(s, e));
                    if (kind != null) {
                        return kind;
                    }
                }
            }
        }
        return null;
    }

    /** True for a decimal number such as 1.25, -.5 or +3.0 (one dot, digits after it). */
    static boolean decimal(String v) {
        int start = v.startsWith("+") || v.startsWith("-") ? 1 : 0;
        int dot = v.indexOf('.');
        if (dot < start || dot == v.length() - 1 || v.indexOf('.', dot + 1) >= 0) {
            return false;
        }
        for (int i = start; i < v.length(); i++) {
            if (i != dot && (v.charAt(i) < '0' || v.charAt(i) > '9')) {
                return false;
            }
        }
        return true;
    }

    private static boolean numericChar(char c) {
        return c >= '0' && c <= '9' || c == '.';
    }

    /** Collects identifiers; not thread-safe. */
    public static final class Builder {
        private final Map<String, IdentifierKind> numeric = new HashMap<>();
        private final Map<String, Token> text = new HashMap<>();

        private Builder() {
        }

        /**
         * Adds {@code value} (stripped of spaces and NULs) as an identifier of {@code kind}, unless it is too short,
         * too long, a decimal number or a dummy value (see the class comment).
         */
        public Builder add(String value, IdentifierKind kind) {
            String v = strip(value).toUpperCase(Locale.ROOT);
            if (v.isEmpty() || v.length() > MAX_TOKEN || NEVER.contains(v)) {
                return this;
            }
            boolean digits = true;
            boolean numericOnly = true;
            boolean letters = false;
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                digits &= c >= '0' && c <= '9';
                numericOnly &= numericChar(c);
                letters |= Character.isLetter(c);
            }
            if (v.length() < (digits ? 4 : 3) || decimal(v)) {
                return this;
            }
            if (numericOnly) {
                if (v.charAt(0) != '.' && v.charAt(v.length() - 1) != '.') {
                    numeric.putIfAbsent(v, kind);
                }
                return this;
            }
            Mode mode = !letters ? Mode.NUMBER : v.length() >= ANYWHERE_MIN ? Mode.ANYWHERE : Mode.WORD;
            text.putIfAbsent(v, new Token(v, kind, mode));
            return this;
        }

        /** Adds every identifier of {@code other}. */
        public Builder addAll(Identifiers other) {
            other.numeric.forEach(numeric::putIfAbsent);
            other.text.forEach(t -> text.putIfAbsent(t.text(), t));
            return this;
        }

        /** The identifiers added so far. */
        public Identifiers build() {
            List<Token> tokens = new ArrayList<>(text.values());
            // NB: in a fixed order, so that the kind reported for a value holding several tokens is deterministic
            tokens.sort(Comparator.comparing(Token::kind).thenComparing(Token::text));
            return new Identifiers(new HashMap<>(numeric), tokens);
        }

        private static String strip(String value) {
            int from = 0;
            int to = value.length();
            while (from < to && (value.charAt(from) <= ' ')) {
                from++;
            }
            while (to > from && (value.charAt(to - 1) <= ' ')) {
                to--;
            }
            return value.substring(from, to);
        }
    }
}

package org.delineate.plugins.command;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import ij.Macro;

/**
 * The macro options of one run of a command ({@code run("Command", "key=value flag key=[a value]")}), read
 * through the keys its {@link CommandDoc} declares: asking for an undeclared key is a programming error, so
 * every key a command reads is in the generated reference. Values are trimmed; a value with spaces comes in
 * square brackets. Immutable.
 */
public final class MacroOptions {

    private static final Pattern BRACKETED = Pattern.compile("\\[[^\\]]*\\]");

    private final CommandDoc doc;
    private final String options;

    private MacroOptions(CommandDoc doc, String options) {
        this.doc = doc;
        this.options = options;
    }

    /** The options of a macro call ({@code Macro.getOptions()}, not null). */
    public static MacroOptions of(CommandDoc doc, String options) {
        if (options == null) {
            throw new IllegalArgumentException("no macro options");
        }
        return new MacroOptions(doc, options);
    }

    /** True when the macro gave the key (with a value, or alone). */
    public boolean has(String key) {
        doc.key(key);
        return raw(key) != null || alone(key);
    }

    /**
     * The value of a key: as given; else the declared default of an optional key.
     *
     * @throws IllegalArgumentException when a required key is missing or empty
     */
    public String text(String key) {
        MacroKey k = doc.key(key);
        String v = raw(key);
        if (v != null && !v.isEmpty()) {
            return v;
        }
        if (k.kind() == MacroKey.Kind.REQUIRED) {
            throw new IllegalArgumentException("the macro options lack " + key + "=<value> (see the macro reference)");
        }
        return k.kind() == MacroKey.Kind.OPTIONAL ? k.defaultValue() : "";
    }

    /** The value of a key as a whole number (a decimal is rounded). */
    public int integer(String key) {
        String v = text(key);
        try {
            return (int) Math.round(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "=" + v + " is not a number");
        }
    }

    /** The value of a key, lower case, which must be one of {@code allowed}. */
    public String choice(String key, List<String> allowed) {
        String v = text(key).toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw new IllegalArgumentException(key + "=" + v + " is not one of " + String.join(", ", allowed));
        }
        return v;
    }

    /** A flag: on when the key is given alone (as ImageJ records a ticked checkbox) or as yes/true/on. */
    public boolean flag(String key) {
        if (doc.key(key).kind() != MacroKey.Kind.FLAG) {
            throw new IllegalArgumentException(doc.command() + ": " + key + " is not a flag");
        }
        String v = raw(key);
        if (v != null) {
            return List.of("yes", "true", "on", "1").contains(v.toLowerCase(Locale.ROOT));
        }
        return alone(key);
    }

    private String raw(String key) {
        String v = Macro.getValue(options, key, null);
        return v == null ? null : v.trim();
    }

    private boolean alone(String key) {
        String outsideBrackets = BRACKETED.matcher(options).replaceAll("[]");
        return Pattern.compile("(^|\\s)" + Pattern.quote(key) + "(\\s|$)").matcher(outsideBrackets).find();
    }
}

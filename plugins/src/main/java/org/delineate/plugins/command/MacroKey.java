package org.delineate.plugins.command;

import java.util.regex.Pattern;

/**
 * One macro key of a command ({@code run("Command", "key=value")}): public API, so its name is snake_case and
 * stable. Immutable.
 *
 * @param name the key, snake_case
 * @param kind whether a macro must give it, may give it, or gives it alone as a flag
 * @param meaning what the value is, in Markdown, for docs/macro-reference.md
 * @param defaultValue the value taken when an {@link Kind#OPTIONAL} key is absent ("" for empty); null otherwise
 */
public record MacroKey(String name, Kind kind, String meaning, String defaultValue) {

    /** How a key is given. */
    public enum Kind {
        /** Must be given in a macro: {@code key=value}. */
        REQUIRED,
        /** May be given, {@code key=value}; {@link MacroKey#defaultValue()} otherwise. */
        OPTIONAL,
        /** A switch: the key alone turns it on (as ImageJ records a ticked checkbox), absent is off. */
        FLAG
    }

    private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    public MacroKey {
        if (name == null || !SNAKE.matcher(name).matches()) {
            throw new IllegalArgumentException("a macro key is snake_case, not " + name);
        }
        if (kind == null || meaning == null || meaning.isBlank()) {
            throw new IllegalArgumentException("the key " + name + " needs a kind and a meaning");
        }
        if ((kind == Kind.OPTIONAL) != (defaultValue != null)) {
            throw new IllegalArgumentException("the key " + name + ": optional keys, and only they, have a default");
        }
    }

    /** The default column of the reference's key table. */
    String defaultText() {
        return switch (kind) {
            case REQUIRED -> "required in macros";
            case FLAG -> "off (give the key alone to turn it on)";
            case OPTIONAL -> defaultValue.isEmpty() ? "empty" : "`" + defaultValue + "`";
        };
    }
}

package org.delineate.plugins.command;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@code Plugins > Delineate} command declares about itself: its menu label, what it does, whether it
 * needs a display, its macro keys and examples. docs/macro-reference.md is generated from these
 * ({@link MacroReference}), and {@link MacroOptions} reads only the keys declared here, so the reference cannot
 * drift from the code. Immutable; start from {@link #of(String)}.
 *
 * @param command the menu label, also the name macros {@code run}
 * @param description what the command does, Markdown prose
 * @param headless when it works without a display (batch mode, {@code ImageJ -batch})
 * @param keys its macro keys, in the order the reference lists them
 * @param details more Markdown after the keys (tables of results and the like), or empty
 * @param examples macro lines, one example a string
 */
public record CommandDoc(String command, String description, Headless headless, List<MacroKey> keys, String details,
        List<String> examples) {

    /** When a command runs without a display. */
    public enum Headless {
        /** Always (it has no dialog, or only optional ones). */
        ALWAYS,
        /** When the macro gives its required keys. */
        WITH_KEYS,
        /** Never: it needs the ImageJ window. */
        NEVER
    }

    public CommandDoc {
        keys = List.copyOf(keys);
        examples = List.copyOf(examples);
        if (keys.stream().map(MacroKey::name).distinct().count() != keys.size()) {
            throw new IllegalArgumentException(command + ": a key is declared twice");
        }
        for (MacroKey a : keys) {
            for (MacroKey b : keys) {
                // NB: ImageJ's Macro.getValue finds "uid=" inside "series_uid=" (it only skips keys after letters).
                if (a.name().endsWith("_" + b.name())) {
                    throw new IllegalArgumentException(command + ": the key " + b.name() + " would be read inside "
                            + a.name());
                }
            }
        }
    }

    /** A builder for the command of this menu label. */
    public static Builder of(String command) {
        return new Builder(command);
    }

    /** The key of this name. */
    public MacroKey key(String name) {
        for (MacroKey k : keys) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException(command + " declares no macro key " + name);
    }

    /** Collects a {@link CommandDoc}. */
    public static final class Builder {
        private final String command;
        private String description = "";
        private Headless headless = Headless.ALWAYS;
        private final List<MacroKey> keys = new ArrayList<>();
        private String details = "";
        private final List<String> examples = new ArrayList<>();

        private Builder(String command) {
            this.command = command;
        }

        public Builder description(String markdown) {
            description = markdown.strip();
            return this;
        }

        public Builder headless(Headless h) {
            headless = h;
            return this;
        }

        /** A key every macro must give. */
        public Builder required(String name, String meaning) {
            keys.add(new MacroKey(name, MacroKey.Kind.REQUIRED, meaning, null));
            return this;
        }

        /** A key with a default. */
        public Builder optional(String name, String meaning, String defaultValue) {
            keys.add(new MacroKey(name, MacroKey.Kind.OPTIONAL, meaning, defaultValue));
            return this;
        }

        /** A switch, off unless the key is given. */
        public Builder flag(String name, String meaning) {
            keys.add(new MacroKey(name, MacroKey.Kind.FLAG, meaning, null));
            return this;
        }

        public Builder details(String markdown) {
            details = markdown.strip();
            return this;
        }

        public Builder example(String... lines) {
            examples.add(String.join("\n", lines));
            return this;
        }

        public CommandDoc build() {
            return new CommandDoc(command, description, headless, keys, details, examples);
        }
    }
}

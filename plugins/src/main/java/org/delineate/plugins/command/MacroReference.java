package org.delineate.plugins.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.delineate.dicom.io.AtomicFiles;
import org.delineate.plugins.DelineateImageJ;

/**
 * Generates docs/macro-reference.md from the {@link CommandDoc} of every command, in the order of
 * {@code plugins.config}: a fixed introduction, then per command its description, when it works headless, its
 * key table, details and examples. {@code main(path)} writes the file (see docs/macro-reference.md's last
 * section for the command line); a test fails when the committed file differs from what this generates.
 */
public final class MacroReference {

    /** The introduction: what every command has in common. */
    static final String INTRODUCTION = """
            # Macro reference: Plugins > Delineate

            <!-- Generated from the commands' declarations (org.delineate.plugins.command.MacroReference); do not edit
            by hand: see "Regenerating this page" at the end. -->

            Every Delineate command can be recorded with ImageJ's macro recorder (Plugins > Macros > Record...) and run from
            a macro with `run("Command", "key=value key=value")`. Keys are stable API: snake_case, never renamed without a
            deprecation period. Values with spaces go in square brackets, e.g. `folder=[/data/my study]`. A flag (a
            checkbox in the dialog) is on when its key is given alone, e.g. `keep_empty_frames`.

            Commands marked *headless* need no display when their keys are given: they work in batch mode
            (`setBatchMode(true)`, `ImageJ -batch`); they are meant to work in Fiji's `--headless` mode too (not tested
            here). When a command fails in a macro, the macro stops and the message says why (headless: it is printed to
            the log, i.e. standard output).

            Recorded macros never contain patient data: the series browser records the row number, not the patient or
            series description.

            Example macros for radiologists, researchers and compliance officers are in `macros/src/main/ijm/`
            (see [the README](../README.md#example-macros)).
            """;

    /** How to regenerate, the last section. */
    static final String REGENERATING = """
            ## Regenerating this page

            Each command declares its keys in code (`doc()` of its class, see `org.delineate.plugins.command.CommandDoc`);
            this page is generated from those declarations, and `MacroReferenceTest` fails when it is out of date. After
            changing a command, regenerate it from the repository root:

            ```
            mvn -B -o test -pl plugins -am -Dtest=MacroReferenceTest -Dsurefire.failIfNoSpecifiedTests=false -Ddelineate.regenerate=true
            ```
            """;

    private MacroReference() {
    }

    /** The reference for these commands, in this order. */
    public static String generate(List<CommandDoc> commands) {
        StringBuilder s = new StringBuilder(INTRODUCTION);
        for (CommandDoc c : commands) {
            s.append('\n').append(section(c));
        }
        s.append('\n').append(REGENERATING);
        return s.toString();
    }

    /** The section of one command. */
    static String section(CommandDoc c) {
        StringBuilder s = new StringBuilder("## ").append(c.command()).append("\n\n");
        s.append(c.description()).append(' ').append(headless(c)).append("\n\n");
        if (c.keys().isEmpty()) {
            s.append("No keys.\n\n");
        } else {
            s.append("| key | value | default |\n|---|---|---|\n");
            for (MacroKey k : c.keys()) {
                s.append("| `").append(k.name()).append("` | ").append(k.meaning().replace("\n", " ")).append(" | ")
                        .append(k.defaultText()).append(" |\n");
            }
            s.append('\n');
        }
        if (!c.details().isEmpty()) {
            s.append(c.details()).append("\n\n");
        }
        if (!c.examples().isEmpty()) {
            s.append("```\n").append(String.join("\n", c.examples())).append("\n```\n\n");
        }
        return s.toString().stripTrailing() + "\n";
    }

    private static String headless(CommandDoc c) {
        return switch (c.headless()) {
            case ALWAYS -> "*Headless.*";
            case NEVER -> "Needs a display.";
            case WITH_KEYS -> "*Headless* with " + c.keys().stream().filter(k -> k.kind() == MacroKey.Kind.REQUIRED)
                    .map(k -> "`" + k.name() + "`").collect(Collectors.joining(", ")) + ".";
        };
    }

    /**
     * The declarations of the commands of a plugins.config's entries ({menu, label, class}), instantiated as
     * ImageJ would.
     *
     * @throws IllegalStateException naming a command whose class does not declare itself
     */
    public static List<CommandDoc> docs(List<String[]> entries) {
        List<CommandDoc> docs = new ArrayList<>();
        for (String[] entry : entries) {
            Object command;
            try {
                command = Class.forName(entry[2]).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(entry[2] + " cannot be made as ImageJ makes it: " + e, e);
            }
            if (!(command instanceof Documented d)) {
                throw new IllegalStateException(entry[2] + " (\"" + entry[1] + "\") does not declare its macro keys: "
                        + "implement " + Documented.class.getName());
            }
            CommandDoc doc = d.doc();
            if (!doc.command().equals(entry[1])) {
                throw new IllegalStateException(entry[2] + " declares \"" + doc.command() + "\" but plugins.config "
                        + "names it \"" + entry[1] + "\"");
            }
            docs.add(doc);
        }
        return docs;
    }

    /** Writes the reference of Delineate's plugins.config to the file {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: MacroReference docs/macro-reference.md");
            System.exit(2);
        }
        byte[] text = generate(docs(DelineateImageJ.entries())).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(Path.of(args[0]), out -> out.write(text));
    }
}

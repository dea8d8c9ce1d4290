package org.delineate.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.delineate.dicom.cli.CliCommand;
import org.delineate.dicom.cli.Syntax;
import org.junit.jupiter.api.Test;

/**
 * docs/command-line.md and the commands agree: every option and parameter a command declares is in the synopsis
 * and the section of that command, and every option the synopsis names exists. The command line is public API.
 */
class CommandLineReferenceTest {

    private static final Path DOC = Path.of("..", "docs", "command-line.md");
    private static final Pattern OPTION = Pattern.compile("--[a-z][a-z-]*");

    /** The commands that run something, by their name after "delineate ". */
    private static Map<String, Syntax> leaves(CliCommand command, String name, Map<String, Syntax> into) {
        if (command.subcommands().isEmpty()) {
            into.put(name, command.syntax());
        }
        for (CliCommand sub : command.subcommands()) {
            leaves(sub, (name.isEmpty() ? "" : name + " ") + sub.syntax().name(), into);
        }
        return into;
    }

    /** The synopsis lines of {@code name}: its "./delineate NAME" line and the lines continuing it. */
    private static String synopsis(String doc, String name) {
        StringBuilder s = new StringBuilder();
        boolean in = false;
        for (String line : doc.split("\n")) {
            if (line.startsWith("    ./delineate ")) {
                in = line.startsWith("    ./delineate " + name + " ");
            } else if (!line.startsWith("        ")) {
                in = false;
            }
            if (in) {
                s.append(line).append('\n');
            }
        }
        return s.toString();
    }

    /** The section headed "## `NAME`" or "### `NAME`", up to the next heading. */
    private static String section(String doc, String name) {
        Matcher heading = Pattern.compile("(?m)^#{2,3} `" + Pattern.quote(name) + "`$").matcher(doc);
        if (!heading.find()) {
            return "";
        }
        Matcher next = Pattern.compile("(?m)^#{2,3} ").matcher(doc);
        return doc.substring(heading.end(), next.find(heading.end()) ? next.start() : doc.length());
    }

    @Test
    void everyOptionIsDocumentedAndEveryDocumentedOptionExists() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Map<String, Syntax> commands = leaves(new DelineateCommand(), "", new LinkedHashMap<>());
        assertTrue(commands.keySet().containsAll(java.util.List.of("dump", "convert", "seg write", "seg read", "deid")),
                commands.keySet().toString());
        for (Map.Entry<String, Syntax> e : commands.entrySet()) {
            String name = e.getKey();
            Syntax syntax = e.getValue();
            String synopsis = synopsis(doc, name);
            String section = section(doc, name);
            assertFalse(synopsis.isEmpty(), "no synopsis line for " + name);
            assertFalse(section.isEmpty(), "no section for " + name);
            for (Syntax.Option o : syntax.options()) {
                if (o.hidden()) {
                    continue;
                }
                assertTrue(synopsis.contains(o.name()), name + ": " + o.name() + " is not in the synopsis");
                assertTrue(section.contains(o.name()), name + ": " + o.name() + " is not in its section");
            }
            for (Syntax.Parameter p : syntax.parameters()) {
                assertTrue(synopsis.contains(p.label()), name + ": " + p.label() + " is not in the synopsis");
            }
            Matcher m = OPTION.matcher(synopsis);
            while (m.find()) {
                String option = m.group();
                boolean declared = syntax.options().stream().anyMatch(o -> o.name().equals(option) && !o.hidden());
                assertTrue(declared, name + ": the synopsis names " + option + ", which the command does not take");
            }
        }
    }
}

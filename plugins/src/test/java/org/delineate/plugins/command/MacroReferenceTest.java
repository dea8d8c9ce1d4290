package org.delineate.plugins.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.delineate.plugins.DelineateImageJ;
import org.junit.jupiter.api.Test;

/**
 * docs/macro-reference.md is what {@link MacroReference} generates from the commands' declarations. With
 * {@code -Ddelineate.regenerate=true} the test writes the file instead of failing (the way to regenerate it).
 */
class MacroReferenceTest {

    private static final Path DOC = Path.of("..", "docs", "macro-reference.md");

    @Test
    void theCommittedReferenceIsTheGeneratedOne() throws IOException {
        String generated = MacroReference.generate(MacroReference.docs(DelineateImageJ.entries()));
        if (Boolean.getBoolean("delineate.regenerate")) {
            MacroReference.main(new String[] {DOC.toString()});
        }
        assertEquals(generated, Files.readString(DOC, StandardCharsets.UTF_8), "docs/macro-reference.md is out of date; "
                + "regenerate it as its last section says");
    }

    @Test
    void everyMenuCommandDeclaresItselfUnderItsMenuLabel() {
        List<String[]> entries = DelineateImageJ.entries();
        List<CommandDoc> docs = MacroReference.docs(entries);
        assertEquals(entries.size(), docs.size());
        for (int n = 0; n < docs.size(); n++) {
            assertEquals(entries.get(n)[1], docs.get(n).command());
        }
        assertTrue(docs.stream().anyMatch(d -> d.command().equals("Save Annotation")));
    }

    /**
     * Interactively, ImageJ records a command's options from its dialog's field labels and {@code Recorder.record...}
     * calls: every such label and key in a command's source must be one of its declared keys, so that what the
     * recorder writes replays.
     */
    @Test
    void dialogFieldsAndRecordedKeysAreDeclaredKeys() throws IOException {
        Pattern recorded = Pattern.compile("(?:gd\\.add(?:Choice|Checkbox|StringField|NumericField)|Recorder\\.record"
                + "(?:Path|Option))\\(\"([^\"]+)\"");
        int seen = 0;
        for (String[] entry : DelineateImageJ.entries()) {
            Path source = Path.of("src/main/java", entry[2].replace('.', '/') + ".java");
            CommandDoc doc = MacroReference.docs(List.<String[]>of(entry)).get(0);
            Matcher m = recorded.matcher(Files.readString(source));
            while (m.find()) {
                String key = m.group(1);
                assertTrue(doc.keys().stream().anyMatch(k -> k.name().equals(key)), entry[1] + " records " + key
                        + " but declares " + doc.keys().stream().map(MacroKey::name).toList());
                seen++;
            }
        }
        assertTrue(seen >= 15, "dialog fields and recorded keys found: " + seen);
    }

    @Test
    void aCommandWithoutDeclarationIsNamed() {
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> MacroReference.docs(List.<String[]>of(new String[] {"Plugins>Delineate", "Plain", "ij.plugin.Hotkeys"})));
        assertEquals("ij.plugin.Hotkeys (\"Plain\") does not declare its macro keys: implement "
                + Documented.class.getName(), e.getMessage());
    }

    @Test
    void aKeyTableRowShowsKindAndDefault() {
        CommandDoc doc = CommandDoc.of("Demo").description("Does it.").headless(CommandDoc.Headless.WITH_KEYS)
                .required("path", "a file").optional("type", "a type", "binary").optional("label", "a label", "")
                .flag("keep", "keeps").example("run(\"Demo\", \"path=x\");").build();
        assertEquals(String.join("\n",
                "## Demo",
                "",
                "Does it. *Headless* with `path`.",
                "",
                "| key | value | default |",
                "|---|---|---|",
                "| `path` | a file | required in macros |",
                "| `type` | a type | `binary` |",
                "| `label` | a label | empty |",
                "| `keep` | keeps | off (give the key alone to turn it on) |",
                "",
                "```",
                "run(\"Demo\", \"path=x\");",
                "```",
                ""), MacroReference.section(doc));
    }
}

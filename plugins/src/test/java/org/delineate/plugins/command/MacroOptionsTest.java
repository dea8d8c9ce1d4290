package org.delineate.plugins.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Macro options read through declared keys, as ImageJ hands them to a command. */
class MacroOptionsTest {

    private static final CommandDoc DOC = CommandDoc.of("Demo").required("path", "a file")
            .optional("type", "a type", "binary").optional("series", "a row", "1").flag("keep_empty_frames", "keeps")
            .build();

    @Test
    void valuesBracketsDefaultsAndFlags() {
        MacroOptions o = MacroOptions.of(DOC, "path=[/data/my keep_empty_frames study/a.dcm] series=2 ");
        assertEquals("/data/my keep_empty_frames study/a.dcm", o.text("path"));
        assertEquals("binary", o.text("type"), "the declared default");
        assertEquals(2, o.integer("series"));
        assertFalse(o.flag("keep_empty_frames"), "a key word inside brackets is no flag");
        assertTrue(MacroOptions.of(DOC, "path=a.dcm keep_empty_frames ").flag("keep_empty_frames"));
        assertTrue(MacroOptions.of(DOC, "path=a.dcm keep_empty_frames=yes").flag("keep_empty_frames"));
        assertEquals("labelmap", MacroOptions.of(DOC, "path=a type=LabelMap").choice("type",
                List.of("binary", "labelmap")));
    }

    @Test
    void mistakesAreNamed() {
        assertEquals("the macro options lack path=<value> (see the macro reference)",
                assertThrows(IllegalArgumentException.class, () -> MacroOptions.of(DOC, "type=binary").text("path"))
                        .getMessage());
        assertEquals("type=x is not one of binary, labelmap", assertThrows(IllegalArgumentException.class,
                () -> MacroOptions.of(DOC, "path=a type=x").choice("type", List.of("binary", "labelmap"))).getMessage());
        assertEquals("series=two is not a number", assertThrows(IllegalArgumentException.class,
                () -> MacroOptions.of(DOC, "path=a series=two").integer("series")).getMessage());
        assertEquals("Demo declares no macro key folder", assertThrows(IllegalArgumentException.class,
                () -> MacroOptions.of(DOC, "path=a").text("folder")).getMessage());
    }

    @Test
    void keysThatImageJWouldReadInsideOthersAreRefused() {
        assertEquals("Demo: the key uid would be read inside series_uid", assertThrows(IllegalArgumentException.class,
                () -> CommandDoc.of("Demo").optional("series_uid", "a", "").optional("uid", "b", "").build())
                .getMessage());
        assertThrows(IllegalArgumentException.class, () -> CommandDoc.of("Demo").required("seriesUid", "camel"));
    }
}

package org.delineate.plugins.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.delineate.annotation.LandmarkTemplate;
import org.delineate.dicom.code.Code;
import org.junit.jupiter.api.Test;

/** Landmark templates: the shipped ones, a coded template, and errors naming the line. */
class LandmarkTemplatesTest {

    @Test
    void shippedTemplatesAreReadInOrder() {
        List<LandmarkTemplate> t = LandmarkTemplates.shipped();
        assertEquals(List.of("Lesion axes", "Spine levels T12 to S1"), t.stream().map(LandmarkTemplate::name).toList());
        assertEquals(List.of("Long axis start", "Long axis end", "Short axis start", "Short axis end"),
                t.get(0).entries().stream().map(LandmarkTemplate.Entry::name).toList());
        assertNull(t.get(0).entries().get(0).code());
    }

    @Test
    void pointsMayBeCoded() throws IOException {
        List<LandmarkTemplate> t = LandmarkTemplates.parse(new StringReader(
                "# comment\n\ntemplate\tSpine\npoint\tL1\tSCT\t66794005\tL1 vertebra\npoint\tL2\n"), "mine.tsv");
        assertEquals(Code.sct("66794005", "L1 vertebra"), t.get(0).entries().get(0).code());
        assertNull(t.get(0).entries().get(1).code());
    }

    @Test
    void errorsNameTheSourceAndLine() {
        assertEquals("mine.tsv line 2: a point before the first \"template\" line", message("# x\npoint\tA\n"));
        assertEquals("mine.tsv line 2: template \"A\" has no points", message("template\tA\ntemplate\tB\npoint\tb\n"));
        assertEquals("mine.tsv line 2: expected \"template<TAB>name\" or \"point<TAB>name\" (optionally followed by "
                + "<TAB>scheme<TAB>value<TAB>meaning), found \"point A\"", message("template\tA\npoint A\n"));
        assertEquals("mine.tsv line 2: not a code: code 1 (SCT) needs a meaning", message("template\tA\npoint\tA\tSCT\t1\t \n"));
        assertEquals("mine.tsv: no template found (a \"template<TAB>name\" line and its \"point\" lines)", message("# empty\n"));
    }

    private static String message(String text) {
        return assertThrows(IOException.class, () -> LandmarkTemplates.parse(new StringReader(text), "mine.tsv")).getMessage();
    }
}

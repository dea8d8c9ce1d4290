package org.delineate.plugins.open;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.delineate.dicom.Peers;
import org.delineate.dicom.TestFiles;
import org.junit.jupiter.api.Test;

/**
 * The series browser model on dcm_qa_enh/In (two series of enhanced MR, five files), against pydicom's
 * reading of the same files: one row per series with its modality, study date and size.
 */
class SeriesTableTest {

    @Test
    void twoSeriesFolderAgainstPydicom() throws Exception {
        Path folder = TestFiles.assumeTestdata().resolve("dcm_qa_enh/In");
        Peers.assumePythonModule("pydicom");
        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(folder)) {
            s.filter(Files::isRegularFile).sorted().forEach(p -> files.add(p.toString()));
        }
        Peers.Result r = Peers.runPythonWithArguments(String.join("\n",
                "import sys, pydicom",
                "rows = set()",
                "for f in sys.argv[1:]:",
                "    d = pydicom.dcmread(f, stop_before_pixels=True)",
                "    if 'Rows' not in d: continue",
                "    date = d.get('StudyDate', '')",
                "    date = date[0:4] + '-' + date[4:6] + '-' + date[6:8] if date else ''",
                "    rows.add('%s|%s|%s|%dx%d' % (d.SeriesInstanceUID, d.Modality, date, d.Rows, d.Columns))",
                "print('\\n'.join(sorted(rows)))"), files, 120);
        assertEquals(0, r.exitCode(), r.stderr());
        Set<String> expected = new TreeSet<>(r.stdout().strip().lines().toList());
        assertEquals(2, expected.size(), "dcm_qa_enh/In holds two series");

        SeriesTable table = SeriesTable.scan(folder, 2);
        assertEquals(SeriesTable.COLUMNS.size(), table.rows().get(0).cells().size());
        Set<String> shown = new TreeSet<>();
        for (SeriesTable.Row row : table.rows()) {
            List<String> cells = row.cells();
            assertEquals(Integer.toString(row.number()), cells.get(0));
            String size = cells.get(5);
            String rowsByColumns = size.substring(0, size.indexOf(" x ", size.indexOf(" x ") + 1)).replace(" x ", "x");
            shown.add(row.stack().seriesInstanceUid() + "|" + cells.get(4) + "|" + cells.get(6) + "|" + rowsByColumns);
        }
        assertEquals(expected, shown);
        assertTrue(table.rows().size() >= 2);

        String uid = table.rows().get(1).stack().seriesInstanceUid();
        assertEquals(uid, table.choose(1, uid).stack().seriesInstanceUid(), "series_uid wins over series");
        assertEquals(table.rows().get(1), table.choose(2, ""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> table.choose(99, null));
        assertEquals("series=99 is not in 1.." + table.rows().size(), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> table.choose(1, "1.2.3"));
        assertEquals("no series with series_uid=1.2.3 among the " + table.rows().size() + " series found", e.getMessage());
    }
}

package org.delineate.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.delineate.dicom.sample.CtPhantom;
import org.delineate.dicom.series.ScanOptions;
import org.delineate.dicom.series.SeriesScanner;
import org.delineate.dicom.series.StackVolumes;
import org.delineate.dicom.volume.Volume;
import org.delineate.plugins.open.SampleStudy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Open Sample Study tells users about the sample is true. Regression: it gave the lesion's centre as slice 20,
 * found by WorkbenchXvfbTest to be 19 (the volume's slices go up in z, the phantom's files go down).
 */
class OpenSampleStudyTest {

    @Test
    void theDocumentedLesionCentreIsThePhantomsLesionCentre(@TempDir Path cache) throws Exception {
        Matcher m = Pattern.compile("centred at voxel \\(([0-9.]+), ([0-9.]+), ([0-9.]+)\\), 0-based")
                .matcher(OpenSampleStudy.DOC.description().replaceAll("\\s+", " "));
        assertTrue(m.find(), OpenSampleStudy.DOC.description());
        var stack = new SeriesScanner(ScanOptions.defaults()).scan(List.of(SampleStudy.ensure(cache))).series().get(0)
                .stacks().get(0);
        Volume sample = StackVolumes.read(stack, 2);
        double[] lps = sample.geometry().toPatient(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                Double.parseDouble(m.group(3)));
        assertArrayEquals(new double[] {CtPhantom.LESION_X, CtPhantom.LESION_Y, CtPhantom.standard().lesionZ()}, lps, 1e-9);
    }
}

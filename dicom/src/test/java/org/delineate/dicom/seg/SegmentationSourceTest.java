package org.delineate.dicom.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.series.FrameStack;
import org.delineate.dicom.series.ScanOptions;
import org.delineate.dicom.series.SeriesScanner;
import org.delineate.dicom.series.StackVolumes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** A source read from a scanned stack's headers is the source of the volume read from the same stack. */
class SegmentationSourceTest {

    @Test
    void readingTheHeadersGivesTheSourceOfTheVolume() throws Exception {
        for (String name : List.of("23x38x3/image", "23x38x3/multiframe", "ct-3slice")) {
            Path folder = SegWriterSources.segmentations().resolve(name);
            Assumptions.assumeTrue(Files.isDirectory(folder), folder + " is not there");
            FrameStack stack = new SeriesScanner(ScanOptions.defaults()).scan(List.of(folder)).series().get(0)
                    .stacks().get(0);
            SegmentationSource read = SegmentationSource.read(stack);
            SegmentationSource ofVolume = SegmentationSource.of(StackVolumes.read(stack, 1));
            assertEquals(ofVolume.frames(), read.frames(), name);
            assertEquals(List.of(ofVolume.columns(), ofVolume.rows(), ofVolume.slices()),
                    List.of(read.columns(), read.rows(), read.slices()), name);
            for (int k = 0; k < read.slices(); k++) {
                assertArrayEquals(ofVolume.imagePositionPatient(k), read.imagePositionPatient(k), name + " slice " + k);
            }
            List<DataElement> expected = ofVolume.header().elements().stream().toList();
            List<DataElement> actual = read.header().elements().stream().toList();
            assertEquals(expected.stream().map(DataElement::tag).toList(), actual.stream().map(DataElement::tag).toList(),
                    name);
            assertArrayEquals(ofVolume.imageOrientationPatient(), read.imageOrientationPatient(), name);
            assertEquals(ofVolume.studyInstanceUid(), read.studyInstanceUid(), name);
        }
    }
}

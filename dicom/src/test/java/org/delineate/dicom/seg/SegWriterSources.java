package org.delineate.dicom.seg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.delineate.dicom.TestFiles;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomWriter;
import org.delineate.dicom.io.TransferSyntax;
import org.delineate.dicom.io.WriteOptions;
import org.delineate.dicom.sample.CtPhantom;
import org.delineate.dicom.series.FrameStack;
import org.delineate.dicom.series.ScanOptions;
import org.delineate.dicom.series.SeriesScanner;
import org.delineate.dicom.series.StackVolumes;
import org.delineate.dicom.volume.Volume;
import org.junit.jupiter.api.Assumptions;

/**
 * Source series for segmentation tests, read with SeriesScanner and StackVolumes: the tiny 23 x 38 x 3 CT and the
 * 3-slice 512 x 512 CT of dcmqi's test data, and a CtPhantom written by our writer.
 */
final class SegWriterSources {

    /** A source with the files it was read from. */
    record Loaded(SegmentationSource source, Volume volume, List<Path> files) {
    }

    private SegWriterSources() {
    }

    static Path segmentations() {
        return TestFiles.testdata().resolve("dcmqi_testdata/data/segmentations");
    }

    /** The tiny CT: 23 columns x 38 rows x 3 slices. */
    static Loaded tiny() throws IOException, InterruptedException {
        return load(segmentations().resolve("23x38x3/image"));
    }

    /** The 3-slice 512 x 512 CT (feet first). */
    static Loaded ct512() throws IOException, InterruptedException {
        return load(segmentations().resolve("ct-3slice"));
    }

    /** A CtPhantom of {@code rows} x {@code rows} x {@code slices}, written into {@code dir}. */
    static Loaded phantom(Path dir, int rows, int slices) throws IOException, InterruptedException {
        CtPhantom phantom = new CtPhantom(rows, slices, 2.0, 3.0, org.delineate.dicom.data.Uids.newUid(),
                org.delineate.dicom.data.Uids.newUid(), org.delineate.dicom.data.Uids.newUid());
        Path folder = Files.createDirectories(dir.resolve("phantom"));
        DicomWriter writer = new DicomWriter(WriteOptions.fresh(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        for (int k = 0; k < slices; k++) {
            writer.write(DicomFile.of(phantom.slice(k), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN),
                    folder.resolve(String.format("ct%03d.dcm", k)));
        }
        return load(folder);
    }

    static Loaded load(Path folder) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isDirectory(folder), folder + " is not there");
        var result = new SeriesScanner(ScanOptions.defaults()).scan(List.of(folder));
        FrameStack stack = result.series().get(0).stacks().get(0);
        Volume volume = StackVolumes.read(stack, 2);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            s.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        return new Loaded(SegmentationSource.of(volume), volume, files);
    }
}

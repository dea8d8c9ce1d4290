package org.delineate.dicom.pixel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.delineate.dicom.TestFiles;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomReader;
import org.delineate.dicom.io.ReadOptions;
import org.delineate.dicom.pixel.jpeg.JpegDecoder;
import org.delineate.dicom.pixel.jpeg.JpegImage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evidence for the choice of 8-bit JPEG decoder: the 8-bit JPEG Baseline and Extended frames of pydicom's
 * corpus and of {@code ../shared/testdata/deid_data}, decoded by TwelveMonkeys (libjpeg, what {@link JpegFrameDecoder}
 * uses for 8 bits) and by Delineate's {@link JpegDecoder}, differs by at most 1. Writes the per-file numbers
 * to {@code target/jpeg-8bit-agreement.txt}.
 */
class EightBitJpegAgreementTest {

    private static final Set<String> DCT = Set.of("1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51");

    @TempDir
    Path tmp;

    @Test
    void ownDecoderAgreesWithTwelveMonkeysWithinOne() throws IOException {
        // NB: pydicom's files and deid_data hold all the 8-bit DCT JPEG of the corpus; of the seven 2048 x 1536
        // photographs of dicom-cookies (one camera, one encoder) one is enough, to keep the test quick.
        List<Path> files = new ArrayList<>(TestFiles.find(TestFiles.PYDICOM_DATA.resolve("test_files"), ".*\\.dcm"));
        files.addAll(TestFiles.find(TestFiles.testdata().resolve("deid_data"), ".*(image1|ctbrain\\d)\\.dcm"));
        Assumptions.assumeFalse(files.isEmpty(), "no corpus");
        StringBuilder report = new StringBuilder("8-bit DCT JPEG: Delineate's decoder vs TwelveMonkeys (libjpeg)\n");
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (Path original : files) {
            Path file = TestFiles.ungzipped(original, Files.createTempDirectory(tmp, "gz"));
            DicomFile dicom;
            PixelData pixels;
            try {
                dicom = new DicomReader(ReadOptions.defaults().withLazyPixelData(true)).readFile(file);
                String meta = dicom.fileMeta() == null ? "" : dicom.fileMeta().getString(Tag.TransferSyntaxUID);
                if (!DCT.contains(dicom.transferSyntax().uid()) && !DCT.contains(meta == null ? "" : meta.trim())) {
                    continue;
                }
                pixels = PixelData.of(dicom);
            } catch (IOException e) {
                continue;
            }
            PixelDescription d = pixels.description();
            EncapsulatedFrames frames = EncapsulatedFrames.of(dicom.dataSet().get(Tag.PixelData).fragments(),
                    d.numberOfFrames(), dicom.dataSet(), file.toString());
            long differing = 0;
            long values = 0;
            long max = 0;
            for (int f = 0; f < d.numberOfFrames(); f++) {
                byte[] jpeg = frames.frame(f);
                if (JpegHeader.parse(jpeg, file.toString(), f).precision() != 8) {
                    break;
                }
                PixelFrame theirs = pixels.frame(f);
                JpegImage ours = JpegDecoder.decode(jpeg, d.columns(), d.rows());
                for (int i = 0; i < theirs.length(); i++) {
                    long diff = Math.abs(theirs.value(i) - ours.samples()[i]);
                    differing += diff == 0 ? 0 : 1;
                    max = Math.max(max, diff);
                }
                values += theirs.length();
            }
            if (values == 0) {
                continue;
            }
            compared++;
            String line = String.format("max %d, %d of %d values differ: %s", max, differing, values,
                    original.getFileName());
            report.append(line).append('\n');
            if (max > 1) {
                failures.add(line);
            }
        }
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("jpeg-8bit-agreement.txt"), report);
        }
        System.out.println("8-bit JPEG, own decoder vs TwelveMonkeys: " + compared + " files compared, "
                + failures.size() + " differ by more than 1 (details: target/jpeg-8bit-agreement.txt)");
        assertTrue(compared > 0, "no 8-bit DCT JPEG found");
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }
}

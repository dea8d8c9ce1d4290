package org.delineate.dicom.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.io.DeviationHandling;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomReader;
import org.delineate.dicom.io.DicomWriter;
import org.delineate.dicom.io.WriteOptions;
import org.delineate.dicom.io.ReadOptions;
import org.delineate.dicom.io.TransferSyntax;
import org.delineate.dicom.json.DicomJsonWriter;
import org.delineate.dicom.sample.CtPhantom;

/**
 * {@code delineate dump [--json] [FILE]}: lists a DICOM file's elements, or prints them in the
 * DICOM JSON Model. Without FILE, dumps a generated sample (a slice of the synthetic CT phantom).
 * Exit 0 on success, 1 with a one-line message on stderr when the file cannot be read.
 */
public final class DumpCommand implements CliCommand {

    private static final Syntax SYNTAX = Syntax.command("dump",
            "Print the elements of a DICOM file: tag, VR, keyword, value; items of sequences indented.",
            "Without FILE, dumps a generated sample CT slice (synthetic phantom, no patient data).")
            .optionalParameter("FILE", "the DICOM file (Part 10, or a bare data set)")
            .flag("--header-only", "stop before Pixel Data, which is then not read at all")
            .flag("--json", "print the DICOM JSON Model (PS3.18 Annex F) of the data set instead")
            .option("--pixels", "OUT.raw", "also write the decoded frames to OUT.raw: little-endian, frame after "
                    + "frame, samples interleaved")
            .flag("--strict", "fail on any deviation from the standard instead of reporting it");

    private boolean headerOnly;
    private Path pixels;
    private boolean strict;

    @Override
    public Syntax syntax() {
        return SYNTAX;
    }

    @Override
    public int run(Invocation call) {
        Path file = call.parameterPath("FILE");
        boolean json = call.flag("--json");
        headerOnly = call.flag("--header-only");
        pixels = call.path("--pixels");
        strict = call.flag("--strict");
        PrintWriter out = call.out();
        PrintWriter err = call.err();
        try {
            DicomFile dicom = file == null ? sample() : read(file);
            if (json) {
                new DicomJsonWriter(true).write(dicom.dataSet(), out);
                out.println();
                out.flush();
            } else {
                new DumpListing().print(dicom, out);
                out.flush();
            }
            if (pixels != null) {
                String summary = "pixels: " + PixelDump.write(dicom, pixels);
                (json ? err : out).println(summary);
                out.flush();
            }
            dicom.deviations().forEach(d -> err.println("delineate dump: warning: " + d));
            err.flush();
            return 0;
        } catch (IOException e) {
            err.println("delineate dump: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private DicomFile read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IOException(path + ": no such file");
        }
        if (headerOnly && pixels != null) {
            throw new UsageException("--pixels needs the pixel data: drop --header-only");
        }
        ReadOptions options = ReadOptions.defaults().withLazyPixelData(true).withStopBeforePixelData(headerOnly)
                .withDeviations(strict ? DeviationHandling.FAIL : DeviationHandling.WARN);
        return new DicomReader(options).readFile(path);
    }

    /** The middle slice of the phantom, written by our writer to a temporary file and read back. */
    private DicomFile sample() throws IOException {
        CtPhantom phantom = CtPhantom.standard();
        DataSet slice = phantom.slice(phantom.slices() / 2);
        Path temporary = Files.createTempFile("delineate-sample", ".dcm");
        try {
            new DicomWriter(WriteOptions.fresh(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                    .write(DicomFile.of(slice, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), temporary);
            return new DicomReader(ReadOptions.defaults().withStopBeforePixelData(headerOnly)).readFile(temporary);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}

package org.delineate.dicom.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

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

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code delineate dump [--json] [FILE]}: lists a DICOM file's elements, or prints them in the
 * DICOM JSON Model. Without FILE, dumps a generated sample (a slice of the synthetic CT phantom).
 * Exit 0 on success, 1 with a one-line message on stderr when the file cannot be read.
 */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = {"Print the elements of a DICOM file: tag, VR, keyword, value; items of sequences indented.",
            "Without FILE, dumps a generated sample CT slice (synthetic phantom, no patient data)."})
public final class DumpCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "the DICOM file (Part 10, or a bare data set)")
    private Path file;

    @Option(names = "--json", description = "print the DICOM JSON Model (PS3.18 Annex F) of the data set instead")
    private boolean json;

    @Option(names = "--header-only", description = "stop before Pixel Data, which is then not read at all")
    private boolean headerOnly;

    @Option(names = "--pixels", paramLabel = "OUT.raw",
            description = "also write the decoded frames to OUT.raw: little-endian, frame after frame, samples interleaved")
    private Path pixels;

    @Option(names = "--strict", description = "fail on any deviation from the standard instead of reporting it")
    private boolean strict;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
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
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--pixels needs the pixel data: drop --header-only");
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

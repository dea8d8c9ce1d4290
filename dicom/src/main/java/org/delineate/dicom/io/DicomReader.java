package org.delineate.dicom.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipException;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.ElementDictionary;

/**
 * Reads DICOM Part 10 files (PS3.10 section 7), and bare data sets without preamble or File Meta
 * Information, in Implicit VR Little Endian, Explicit VR Little and Big Endian and Deflated
 * Explicit VR Little Endian. Malformed input gives a {@link DicomFormatException}; no other
 * exception escapes for bad input. Tolerable deviations are handled as
 * {@link ReadOptions#deviations()} says. Thread-safe: holds only its options.
 */
public final class DicomReader {

    private static final int TRANSFER_SYNTAX_UID = 0x00020010;
    private static final int GROUP_LENGTH = 0x00020000;

    private final ReadOptions options;

    public DicomReader(ReadOptions options) {
        this.options = options;
    }

    /** Reads a whole file with the default options. */
    public static DicomFile read(Path file) throws IOException {
        return new DicomReader(ReadOptions.defaults()).readFile(file);
    }

    /** Reads a file; never modifies it. */
    public DicomFile readFile(Path file) throws IOException {
        return readFile(file, false);
    }

    /**
     * Reads a file as {@link #readFile(Path)} if it may be DICOM: "DICM" at byte 128, or a group 0002 or 0008 element
     * at byte 0; else returns null without parsing it. One open of the file either way (a scan of many files calls
     * this instead of sniffing first and reading after).
     */
    public DicomFile readFileIfDicom(Path file) throws IOException {
        return readFile(file, true);
    }

    private DicomFile readFile(Path file, boolean onlyIfDicom) throws IOException {
        // NB: the size from the open file (fstat), not from its path: a second look-up of the path cost a scan of
        // many small headers a tenth of its time.
        try (FileChannel channel = FileChannel.open(file); InputStream stream = Channels.newInputStream(channel)) {
            DicomInput in = new DicomInput(stream, file.toString(), channel.size(), false);
            return onlyIfDicom && !mayBeDicom(in) ? null : read(in, file);
        }
    }

    private static boolean mayBeDicom(DicomInput in) throws IOException {
        int n = in.fill(132);
        if (n >= 132 && in.peek(128) == 'D' && in.peek(129) == 'I' && in.peek(130) == 'C' && in.peek(131) == 'M') {
            return true;
        }
        if (n < 4) {
            return false;
        }
        boolean littleEndian = (in.peek(0) == 0x02 || in.peek(0) == 0x08) && in.peek(1) == 0;
        boolean bigEndian = in.peek(0) == 0 && (in.peek(1) == 0x02 || in.peek(1) == 0x08);
        return littleEndian || bigEndian;
    }

    /** Reads from a stream of unknown length; {@code name} names it in messages. Does not close it. */
    public DicomFile read(InputStream stream, String name) throws IOException {
        return read(new DicomInput(new BufferedInputStream(stream), name, -1, false), null);
    }

    private DicomFile read(DicomInput in, Path file) throws IOException {
        List<Deviation> deviations = new ArrayList<>();
        try {
            return parse(in, file, deviations);
        } catch (FatalDeviation e) {
            throw new DicomFormatException(in.source(), e.deviation.offset(), e.deviation.tag(), e.deviation.message());
        } catch (ZipException e) {
            throw new DicomFormatException(in.source(), in.position(), -1,
                    "the deflated data set cannot be inflated: " + e.getMessage(), e);
        } catch (RuntimeException | StackOverflowError e) {
            throw new DicomFormatException(in.source(), in.position(), -1,
                    "cannot be parsed (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private DicomFile parse(DicomInput in, Path file, List<Deviation> deviations) throws IOException {
        DataSetParser parser = new DataSetParser(in, options, file, deviations);
        byte[] preamble = null;
        if (in.fill(132) >= 132 && in.peek(128) == 'D' && in.peek(129) == 'I' && in.peek(130) == 'C' && in.peek(131) == 'M') {
            preamble = in.readBytes(128, -1);
            in.skip(4, -1);
        } else {
            deviate(deviations, new Deviation(0, -1, "no 128-byte preamble and \"DICM\" prefix (PS3.10 7.1)"));
        }
        if (in.atEnd()) {
            throw in.error(-1, "no data elements: the file is empty after " + in.position() + " bytes");
        }
        DataSet meta = null;
        if (in.peek(0) == 0x02 && in.peek(1) == 0x00) {
            meta = new DataSet();
            long metaStart = in.position();
            parser.parseFileMeta(meta);
            checkGroupLength(meta, in.position() - metaStart, metaStart, deviations);
        } else if (preamble != null) {
            deviate(deviations, new Deviation(in.position(), -1, "no File Meta Information after the preamble"));
        }
        TransferSyntax declared = meta == null ? null : transferSyntaxOf(meta);
        TransferSyntax ts = checkEncoding(in, declared, deviations);
        DicomInput body = ts.deflated() ? in.inflate() : in;
        body.bigEndian(ts.bigEndian());
        DataSet dataSet = new DataSet();
        dataSet.setBigEndian(ts.bigEndian());
        DataSetParser bodyParser = body == in ? parser : new DataSetParser(body, options, null, deviations);
        if (!body.atEnd()) {
            bodyParser.parse(dataSet, -1, ts.explicitVr(), 0);
        }
        return new DicomFile(preamble, meta, dataSet, ts, deviations, file, !bodyParser.stoppedBeforePixelData());
    }

    private static TransferSyntax transferSyntaxOf(DataSet meta) {
        String uid = meta.getString(TRANSFER_SYNTAX_UID);
        return uid == null || uid.isEmpty() ? null : TransferSyntax.of(uid);
    }

    /**
     * The transfer syntax to parse with: the declared one, unless the first element shows another
     * VR encoding (a common deviation), or a guess from the first element when none is declared.
     */
    private TransferSyntax checkEncoding(DicomInput in, TransferSyntax declared, List<Deviation> deviations)
            throws IOException {
        if (declared != null && declared.deflated()) {
            return declared;
        }
        if (in.fill(8) < 8) {
            return declared == null ? TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN : declared;
        }
        boolean bigEndian = declared != null ? declared.bigEndian() : in.peek(0) == 0 && in.peek(1) != 0;
        int group = bigEndian ? (in.peek(0) << 8) | in.peek(1) : (in.peek(1) << 8) | in.peek(0);
        int element = bigEndian ? (in.peek(2) << 8) | in.peek(3) : (in.peek(3) << 8) | in.peek(2);
        VR vr = VR.of(in.peek(4), in.peek(5));
        boolean looksExplicit = vr != null && (declared == null || declared.explicitVr() || matchesDictionary((group << 16) | element, vr));
        TransferSyntax actual = looksExplicit
                ? (bigEndian ? TransferSyntax.EXPLICIT_VR_BIG_ENDIAN : TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                : TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        if (declared == null) {
            deviate(deviations, new Deviation(in.position(), -1, "no Transfer Syntax UID (0002,0010): read as " + actual.name()));
            return actual;
        }
        if (declared.explicitVr() != actual.explicitVr()) {
            deviate(deviations, new Deviation(in.position(), -1, "Transfer Syntax UID says " + declared.name()
                    + " but the data set is " + (actual.explicitVr() ? "Explicit" : "Implicit") + " VR: read as found"));
            return declared.encapsulated() && actual.explicitVr() ? declared : actual;
        }
        return declared;
    }

    private static boolean matchesDictionary(int tag, VR vr) {
        return ElementDictionary.standard().entry(tag).map(e -> e.vrText().contains(vr.name())).orElse(false);
    }

    private void checkGroupLength(DataSet meta, long actual, long start, List<Deviation> deviations)
            throws FatalDeviation {
        long[] declared = meta.getLongs(GROUP_LENGTH);
        if (declared.length == 0) {
            deviate(deviations, new Deviation(start, GROUP_LENGTH, "File Meta Information has no group length"));
            return;
        }
        long expected = actual - 12;
        if (declared[0] != expected) {
            deviate(deviations, new Deviation(start, GROUP_LENGTH, "File Meta Information Group Length is "
                    + declared[0] + " but the group has " + expected + " bytes"));
        }
    }

    /** A deviation met with {@link DeviationHandling#FAIL}; turned into a {@link DicomFormatException} naming the file. */
    private static final class FatalDeviation extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Deviation deviation;

        FatalDeviation(Deviation deviation) {
            super(deviation.message());
            this.deviation = deviation;
        }
    }

    private void deviate(List<Deviation> deviations, Deviation deviation) throws FatalDeviation {
        switch (options.deviations()) {
            case FAIL:
                throw new FatalDeviation(deviation);
            case WARN:
                Deviation.record(deviations, deviation);
                break;
            default:
                break;
        }
    }
}

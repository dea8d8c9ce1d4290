package org.delineate.dicom.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.VR;

/**
 * Writes DICOM Part 10 files: preamble, "DICM", File Meta Information (Explicit VR Little Endian,
 * group length recomputed) and the data set in Implicit or Explicit VR Little Endian, Explicit VR
 * Big Endian or Deflated Explicit VR Little Endian. Writing a file read by {@link DicomReader} in
 * its own transfer syntax with {@link WriteOptions#defaults()} reproduces a well-formed input byte
 * for byte. Thread-safe: holds only its options.
 */
public final class DicomWriter {

    private static final int TRANSFER_SYNTAX_UID = 0x00020010;
    private static final int DIRECTORY_RECORD_SEQUENCE = 0x00041220;

    private final WriteOptions options;

    public DicomWriter(WriteOptions options) {
        this.options = options;
    }

    /**
     * Writes to {@code target} atomically: to a temporary file beside it, moved into place when
     * complete, so that no partial file is ever left under the target name.
     */
    public void write(DicomFile file, Path target) throws IOException {
        AtomicFiles.write(target, out -> write(file, out));
    }

    /** Writes the whole Part 10 file to a stream; does not close it. */
    public void write(DicomFile file, OutputStream out) throws IOException {
        TransferSyntax ts = options.transferSyntax() != null ? options.transferSyntax() : file.transferSyntax();
        if (ts.encapsulated() != file.transferSyntax().encapsulated() && hasPixelData(file.dataSet())) {
            throw new IllegalArgumentException("cannot write the pixel data of " + file.transferSyntax().name() + " as "
                    + ts.name() + " without transcoding the pixels");
        }
        if (!ts.equals(file.transferSyntax()) && file.dataSet().contains(DIRECTORY_RECORD_SEQUENCE)) {
            // NB: a DICOMDIR records the byte offsets of its items; another encoding would make them stale.
            throw new IllegalArgumentException("a DICOMDIR cannot be written in another transfer syntax ("
                    + ts.name() + " instead of " + file.transferSyntax().name() + "): its record offsets would be wrong");
        }
        byte[] preamble = options.keepPreamble() && file.preamble() != null ? file.preamble() : new byte[128];
        out.write(preamble);
        out.write(new byte[] {'D', 'I', 'C', 'M'});
        DataSet meta = fileMeta(file, ts);
        new DataSetEncoder(out).write(meta, true, false);
        if (ts.deflated()) {
            Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            DeflaterOutputStream deflated = new DeflaterOutputStream(nonClosing(out), deflater, 1 << 16);
            new DataSetEncoder(deflated).write(file.dataSet(), true, false);
            deflated.finish();
            deflater.end();
        } else {
            new DataSetEncoder(out).write(file.dataSet(), ts.explicitVr(), ts.bigEndian());
        }
        out.flush();
    }

    /**
     * Writes {@code file} atomically to {@code target}, followed by {@code last}, whose value is produced while
     * writing (see {@link #write(DicomFile, TrailingValue, OutputStream)}).
     */
    public void write(DicomFile file, TrailingValue last, Path target) throws IOException {
        AtomicFiles.write(target, out -> write(file, last, out));
    }

    /**
     * Writes the Part 10 file of {@code file} with {@code last} appended as the data set's final element, its
     * value streamed from the producer rather than held in memory. Only for native (not encapsulated, not
     * deflated) transfer syntaxes; {@code last.tag()} must follow every tag of the data set. Throws
     * {@link IOException} when the producer writes more or fewer bytes than announced. Does not close the stream.
     */
    public void write(DicomFile file, TrailingValue last, OutputStream out) throws IOException {
        TransferSyntax ts = options.transferSyntax() != null ? options.transferSyntax() : file.transferSyntax();
        if (ts.deflated() || ts.encapsulated()) {
            throw new IllegalArgumentException("a streamed value cannot be written in " + ts.name());
        }
        DataSet dataSet = file.dataSet();
        if (dataSet.contains(last.tag()) || (!dataSet.isEmpty() && Integer.compareUnsigned(lastTag(dataSet), last.tag()) > 0)) {
            throw new IllegalArgumentException(String.format("the streamed element (%04X,%04X) must come after every "
                    + "element of the data set", last.tag() >>> 16, last.tag() & 0xFFFF));
        }
        write(file, out);
        DataSetEncoder encoder = new DataSetEncoder(out);
        long padded = last.length() + (last.length() & 1);
        encoder.writeHeader(last.tag(), last.vr(), padded, ts.explicitVr(), ts.bigEndian());
        CountingStream counting = new CountingStream(out);
        last.producer().writeTo(counting);
        if (counting.count != last.length()) {
            throw new IOException(String.format("the value of (%04X,%04X) was announced as %d bytes, but %d were written",
                    last.tag() >>> 16, last.tag() & 0xFFFF, last.length(), counting.count));
        }
        if ((last.length() & 1) == 1) {
            out.write(last.vr().paddingByte());
        }
        out.flush();
    }

    private static int lastTag(DataSet dataSet) {
        int last = 0;
        for (DataElement e : dataSet) {
            last = e.tag();
        }
        return last;
    }

    /** Counts what passes through, without closing the stream below. */
    private static final class CountingStream extends OutputStream {
        private final OutputStream out;
        private long count;

        CountingStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    private DataSet fileMeta(DicomFile file, TransferSyntax ts) {
        if (!options.keepFileMeta() || file.fileMeta() == null) {
            return FileMetaInformation.create(file.dataSet(), ts);
        }
        DataSet meta = new DataSet();
        for (DataElement e : file.fileMeta()) {
            meta.put(e);
        }
        if (!ts.uid().equals(meta.getString(TRANSFER_SYNTAX_UID))) {
            meta.setString(TRANSFER_SYNTAX_UID, VR.UI, ts.uid());
        }
        if (!meta.contains(0x00020000)) {
            meta.setInts(0x00020000, VR.UL, 0);
        }
        return meta;
    }

    private static boolean hasPixelData(DataSet dataSet) {
        return dataSet.contains(0x7FE00010);
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}

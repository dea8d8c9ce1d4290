package org.delineate.dicom.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.delineate.dicom.data.DataSet;

/**
 * A DICOM Part 10 file as read or to be written: the 128-byte preamble, the File Meta Information
 * (group 0002), the data set and its transfer syntax, and what the reader tolerated.
 */
public final class DicomFile {

    private final byte[] preamble;
    private final DataSet fileMeta;
    private final DataSet dataSet;
    private final TransferSyntax transferSyntax;
    private final List<Deviation> deviations;
    private final Path source;
    private final boolean complete;

    /**
     * @param preamble the 128-byte preamble, or null when the file had none (written as zeros)
     * @param fileMeta the File Meta Information elements, or null when the file had none
     * @param dataSet the data set
     * @param transferSyntax the transfer syntax the data set is (or is to be) encoded in
     * @param deviations the deviations the reader tolerated
     * @param source the file read, or null
     * @param complete false when reading stopped before Pixel Data
     */
    public DicomFile(byte[] preamble, DataSet fileMeta, DataSet dataSet, TransferSyntax transferSyntax,
            List<Deviation> deviations, Path source, boolean complete) {
        if (preamble != null && preamble.length != 128) {
            throw new IllegalArgumentException("the preamble must be 128 bytes, not " + preamble.length);
        }
        this.preamble = preamble == null ? null : preamble.clone();
        this.fileMeta = fileMeta;
        this.dataSet = Objects.requireNonNull(dataSet, "dataSet");
        this.transferSyntax = Objects.requireNonNull(transferSyntax, "transferSyntax");
        this.deviations = List.copyOf(deviations);
        this.source = source;
        this.complete = complete;
    }

    /** A new file with no preamble and no File Meta: the writer generates both. */
    public static DicomFile of(DataSet dataSet, TransferSyntax transferSyntax) {
        return new DicomFile(null, null, dataSet, transferSyntax, List.of(), null, true);
    }

    /** The preamble (a copy), or null when there was none. */
    public byte[] preamble() {
        return preamble == null ? null : preamble.clone();
    }

    /** The File Meta Information elements, or null when the file had none. */
    public DataSet fileMeta() {
        return fileMeta;
    }

    public DataSet dataSet() {
        return dataSet;
    }

    public TransferSyntax transferSyntax() {
        return transferSyntax;
    }

    /**
     * Deviations from the standard the reader tolerated, in file order; at most the first 1000, then
     * one saying that more were not recorded.
     */
    public List<Deviation> deviations() {
        return deviations;
    }

    /** The file read, or null for one built in memory or read from a stream. */
    public Path source() {
        return source;
    }

    /** False when the reader stopped before Pixel Data (header-only read). */
    public boolean complete() {
        return complete;
    }
}

package org.delineate.privacy.run;

import java.util.List;

import org.delineate.dicom.nifti.NiftiHeader;

/**
 * De-identifies a NIfTI header: clears its free-text fields and drops every header extension; the voxel data,
 * geometry (qform, sform, pixdim), data type, scaling and units are not touched. Stateless.
 *
 * <p>Cleared: {@code descrip} (80 bytes, often the scanner's or a converter's text, sometimes a name or date),
 * {@code aux_file} (24 bytes, a file name), {@code intent_name} (16 bytes), and the Analyze 7.5 leftovers of
 * NIfTI-1, {@code db_name} (18 bytes) and {@code data_type} (10 bytes).
 *
 * <p>NB: all extensions are dropped, whatever their code: ecode 2 (DICOM) holds a whole DICOM header with the
 * patient's name, 4 (AFNI) and 6 (comment) hold free text, and the others are opaque bytes no one can vouch for;
 * none is needed to read the voxels or their position.
 */
final class NiftiScrubber {

    private NiftiScrubber() {
    }

    static NiftiHeader scrub(NiftiHeader header, ActionCounts counts) {
        NiftiHeader.Builder b = header.toBuilder();
        cleared(counts, "descrip", !header.descrip().isEmpty());
        cleared(counts, "aux_file", !header.auxFile().isEmpty());
        cleared(counts, "intent_name", !header.intentName().isEmpty());
        cleared(counts, "db_name", !header.dbName().isEmpty());
        cleared(counts, "data_type", !header.dataTypeName().isEmpty());
        for (var extension : header.extensions()) {
            counts.add("nifti:extension(ecode " + extension.code() + ")", "", "REMOVED", "NIfTI extension");
        }
        return b.descrip("").auxFile("").intentName("").dbName("").dataTypeName("").extensions(List.of()).build();
    }

    private static void cleared(ActionCounts counts, String field, boolean hadText) {
        if (hadText) {
            counts.add("nifti:" + field, "", "EMPTIED", "NIfTI free text");
        }
    }
}

package org.delineate.annotation;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The file formats an annotation is saved in, named by the stable macro value {@link #key()}: {@code seg}
 * (DICOM-SEG, {@code .dcm}), {@code json} (the annotation document, {@code .json}) and {@code nifti} (a label
 * map, {@code .nii} or {@code .nii.gz}).
 */
public enum AnnotationFormat {
    SEG("seg"),
    JSON("json"),
    NIFTI("nifti");

    private final String key;

    AnnotationFormat(String key) {
        this.key = key;
    }

    /** The macro value: seg, json or nifti. */
    public String key() {
        return key;
    }

    /** Every key, in declaration order. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(AnnotationFormat::key).toList();
    }

    /** The format of a key. */
    public static AnnotationFormat of(String key) {
        for (AnnotationFormat f : values()) {
            if (f.key.equals(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("format=" + key + " is not one of " + String.join(", ", keys()));
    }

    /**
     * The format a file name's ending implies: {@code .dcm} SEG, {@code .json} JSON (but not {@code .mrk.json}, a
     * landmark list), {@code .nii} and {@code .nii.gz} NIfTI.
     *
     * @throws IllegalArgumentException for any other ending
     */
    public static AnnotationFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".dcm")) {
            return SEG;
        }
        if (name.endsWith(".mrk.json")) {
            throw new IllegalArgumentException(file.getFileName() + " is a Slicer markups name: landmarks are saved with "
                    + "Save Landmarks; an annotation needs .json, .dcm, .nii or .nii.gz");
        }
        if (name.endsWith(".json")) {
            return JSON;
        }
        if (name.endsWith(".nii") || name.endsWith(".nii.gz")) {
            return NIFTI;
        }
        throw new IllegalArgumentException("the format of " + file.getFileName() + " is not known from its ending; "
                + "use .json, .dcm (DICOM-SEG), .nii or .nii.gz, or give format=" + String.join("|", keys()));
    }
}

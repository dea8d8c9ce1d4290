package org.delineate.plugins.open;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Decides who opens a dropped file or folder: Delineate's DICOM or NIfTI opener, or ImageJ's own
 * handling for everything else. Looks at names and at most the first 132 bytes of a bounded number of
 * files; never reads a whole file. Stateless.
 */
public final class DropRouting {

    /** Who opens a dropped path. */
    public enum Target {
        /** A DICOM file, a DICOMDIR, or a folder holding DICOM files: Open DICOM Series. */
        DICOM,
        /** A .nii or .nii.gz file: Open NIfTI. */
        NIFTI,
        /** Anything else: ImageJ's own drag and drop. */
        IMAGEJ
    }

    /** How many files of a dropped folder are looked at before it is left to ImageJ. */
    static final int FOLDER_PROBE_LIMIT = 64;

    private DropRouting() {
    }

    /** The opener of {@code path}; {@link Target#IMAGEJ} when it cannot be read or does not exist. */
    public static Target route(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(path)) {
            if (name.endsWith(".nii") || name.endsWith(".nii.gz")) {
                return Target.NIFTI;
            }
            return name.equals("dicomdir") || isDicom(path) ? Target.DICOM : Target.IMAGEJ;
        }
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path, 4)) {
                Iterator<Path> files = walk.filter(Files::isRegularFile).limit(FOLDER_PROBE_LIMIT).iterator();
                while (files.hasNext()) {
                    Path file = files.next();
                    if (file.getFileName().toString().equalsIgnoreCase("DICOMDIR") || isDicom(file)) {
                        return Target.DICOM;
                    }
                }
            } catch (IOException | RuntimeException e) {
                return Target.IMAGEJ;
            }
        }
        return Target.IMAGEJ;
    }

    /** True when the file has the Part 10 preamble: "DICM" at byte 128. */
    static boolean isDicom(Path file) {
        byte[] head = new byte[132];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, head.length) < head.length) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        return head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M';
    }
}

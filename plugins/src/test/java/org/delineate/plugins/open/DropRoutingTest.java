package org.delineate.plugins.open;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.delineate.plugins.open.DropRouting.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which dropped paths Delineate opens, and which it leaves to ImageJ. */
class DropRoutingTest {

    @TempDir
    Path tmp;

    @Test
    void routesByNameAndMagic() throws Exception {
        Path sample = SampleStudy.ensure(tmp.resolve("cache"));
        Path dicomFile = Files.list(sample).sorted().findFirst().orElseThrow();
        assertEquals(Target.DICOM, DropRouting.route(dicomFile));
        assertEquals(Target.DICOM, DropRouting.route(sample));
        assertEquals(Target.DICOM, DropRouting.route(tmp.resolve("cache")), "a folder above DICOM files");

        Path nii = Files.write(tmp.resolve("brain.nii"), new byte[352]);
        Path niiGz = Files.write(tmp.resolve("BRAIN.NII.GZ"), new byte[20]);
        assertEquals(Target.NIFTI, DropRouting.route(nii));
        assertEquals(Target.NIFTI, DropRouting.route(niiGz));

        Path images = Files.createDirectories(tmp.resolve("pngs"));
        Files.write(images.resolve("a.png"), new byte[300]);
        Path text = Files.writeString(tmp.resolve("notes.txt"), "not an image");
        assertEquals(Target.IMAGEJ, DropRouting.route(images));
        assertEquals(Target.IMAGEJ, DropRouting.route(text));
        assertEquals(Target.IMAGEJ, DropRouting.route(tmp.resolve("missing.dcm")));
    }
}

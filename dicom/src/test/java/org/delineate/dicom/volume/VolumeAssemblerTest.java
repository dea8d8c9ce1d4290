package org.delineate.dicom.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import net.imglib2.type.numeric.integer.UnsignedShortType;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.geometry.VolumeGeometry;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomFormatException;
import org.delineate.dicom.io.DicomWriter;
import org.delineate.dicom.io.TransferSyntax;
import org.delineate.dicom.io.WriteOptions;
import org.delineate.dicom.sample.CtPhantom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pixels of DICOM frames into volume planes: values, signed shift, modality LUT, sources. */
class VolumeAssemblerTest {

    @TempDir
    Path tmp;

    private final CtPhantom phantom = new CtPhantom(32, 6, 10, 10, "2.25.1", "2.25.2", "2.25.3");

    private List<VolumeAssembler.FrameRef> writeSeries() throws IOException {
        List<VolumeAssembler.FrameRef> frames = new ArrayList<>();
        for (int k = 0; k < phantom.slices(); k++) {
            Path file = tmp.resolve("slice" + k + ".dcm");
            DataSet slice = phantom.slice(k);
            new DicomWriter(WriteOptions.fresh(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                    .write(DicomFile.of(slice, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), file);
            frames.add(new VolumeAssembler.FrameRef(file, 0));
        }
        return frames;
    }

    private VolumeGeometry geometry() {
        double origin = -(phantom.rows() - 1) * phantom.pixelSpacing() / 2;
        return VolumeGeometry.of(new double[] {origin, origin, 0}, new double[] {1, 0, 0, 0, 1, 0},
                new double[] {phantom.pixelSpacing(), phantom.pixelSpacing()}, new double[] {0, 0, -phantom.sliceSpacing()});
    }

    @Test
    void modalityValuesAreThePhantomsHounsfieldUnits() throws IOException {
        Volume volume = new VolumeAssembler(2).assemble(writeSeries(), geometry(), List.of("a note"));
        assertEquals(SampleType.UINT16, volume.sampleType());
        assertEquals(32768, volume.storedOffset(), "signed 16-bit is shifted into the unsigned range");
        assertEquals(List.of(32L, 32L, 6L), List.of(volume.image().dimension(0), volume.image().dimension(1),
                volume.image().dimension(2)));
        for (int k = 0; k < volume.slices(); k++) {
            for (int j = 0; j < volume.rows(); j += 3) {
                for (int i = 0; i < volume.columns(); i += 3) {
                    double[] p = volume.geometry().toPatient(i, j, k);
                    assertEquals(phantom.hounsfield(p[0], p[1], p[2]), volume.modalityValue(i, j, k), 0,
                            "voxel " + i + "," + j + "," + k);
                }
            }
        }
        assertEquals("2.25.3", volume.frameOfReferenceUid());
        assertEquals(6, volume.sources().size());
        assertEquals(List.of("a note"), volume.notes());
        assertEquals(40, volume.windows().get(0).center());
        assertTrue(volume.header().getString(Tag.PatientID) != null && !volume.header().contains(Tag.PixelData));
    }

    @Test
    void theImgLib2ImageSharesThePlaneArrays() throws IOException {
        Volume volume = new VolumeAssembler(1).assemble(writeSeries(), geometry(), List.of());
        short[] plane = (short[]) volume.plane(2);
        var access = volume.image().randomAccess();
        access.setPosition(new long[] {5, 7, 2});
        UnsignedShortType value = (UnsignedShortType) access.get();
        assertEquals(plane[7 * 32 + 5] & 0xFFFF, value.get());
        plane[7 * 32 + 5] = 1234;
        assertEquals(1234, ((UnsignedShortType) access.get()).get(), "no copy: writes to the plane show in the image");
        assertSame(plane, volume.plane(2));
    }

    @Test
    void aFrameNumberBeyondTheFileIsRefusedNamingTheFile() throws IOException {
        List<VolumeAssembler.FrameRef> frames = writeSeries();
        frames.set(0, new VolumeAssembler.FrameRef(frames.get(0).file(), 3));
        DicomFormatException e = assertThrows(DicomFormatException.class,
                () -> new VolumeAssembler(2).assemble(frames, geometry(), List.of()));
        assertTrue(e.getMessage().contains("slice0.dcm") && e.getMessage().contains("NumberOfFrames"), e.getMessage());
    }
}

package org.delineate.dicom.pixel;

import static org.delineate.dicom.pixel.Images.bytes;
import static org.delineate.dicom.pixel.Images.longs;
import static org.delineate.dicom.pixel.Images.pixelModule;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Fragments;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.io.DicomFormatException;
import org.junit.jupiter.api.Test;

/**
 * Which fragments form which frame (PS3.5 A.4): Basic Offset Table, Extended Offset Table, one fragment
 * per frame, and JPEG start / end markers. Offsets count from the first fragment's item tag, each item
 * header being 8 bytes.
 */
class EncapsulatedFramesTest {

    static final String UNCOMPRESSED = "1.2.840.10008.1.2.1.98";

    @Test
    void basicOffsetTableGroupsFragments() throws Exception {
        // Three 1x2 frames of 8 bits; frame 2 is split over two fragments (the second one padding).
        DataSet ds = pixelModule(1, 2, 1, 8, 8, 7, 0, "MONOCHROME2", 3);
        byte[] bot = longs(0, 10, 30);
        PixelData pixels = PixelData.of(Images.encapsulatedFile(ds, UNCOMPRESSED, bot, bytes(1, 2), bytes(3, 4),
                bytes(0, 0), bytes(5, 6)));
        assertArrayEquals(bytes(1, 2), pixels.frame(0).bytes());
        assertArrayEquals(bytes(3, 4), pixels.frame(1).bytes());
        assertArrayEquals(bytes(5, 6), pixels.frame(2).bytes());
    }

    @Test
    void extendedOffsetTableWinsOverAnEmptyBasicOffsetTable() throws Exception {
        DataSet ds = pixelModule(1, 2, 1, 8, 8, 7, 0, "MONOCHROME2", 2);
        ByteBuffer eot = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(0).putLong(10);
        ds.setBytes(Tag.ExtendedOffsetTable, VR.OV, eot.array());
        ds.setBytes(Tag.ExtendedOffsetTableLengths, VR.OV, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(2).putLong(2).array());
        PixelData pixels = PixelData.of(Images.encapsulatedFile(ds, UNCOMPRESSED, new byte[0], bytes(1, 2), bytes(3, 4)));
        assertArrayEquals(bytes(3, 4), pixels.frame(1).bytes());
    }

    @Test
    void withoutOffsetTableOneFragmentPerFrame() throws Exception {
        DataSet ds = pixelModule(1, 2, 1, 8, 8, 7, 0, "MONOCHROME2", 2);
        PixelData pixels = PixelData.of(Images.encapsulatedFile(ds, UNCOMPRESSED, new byte[0], bytes(1, 2), bytes(3, 4)));
        assertArrayEquals(bytes(1, 2), pixels.frame(0).bytes());
        assertArrayEquals(bytes(3, 4), pixels.frame(1).bytes());
    }

    @Test
    void withoutOffsetTableJpegStartMarkersSplitFrames() throws Exception {
        Fragments f = new Fragments().add(new byte[0]).add(bytes(0xFF, 0xD8, 1, 2)).add(bytes(3, 4, 0xFF, 0xD9))
                .add(bytes(0xFF, 0xD8, 5, 6)).add(bytes(7, 0xFF, 0xD9, 0));
        EncapsulatedFrames frames = EncapsulatedFrames.of(f, 2, new DataSet(), "x.dcm");
        assertArrayEquals(bytes(0xFF, 0xD8, 1, 2, 3, 4, 0xFF, 0xD9), frames.frame(0));
        assertArrayEquals(bytes(0xFF, 0xD8, 5, 6, 7, 0xFF, 0xD9, 0), frames.frame(1));
    }

    @Test
    void withoutOffsetTableEndMarkersSplitFramesWhenStartsAreMissing() throws Exception {
        // The second frame's first fragment does not start with SOI (e.g. a J2K frame after a broken one).
        Fragments f = new Fragments().add(new byte[0]).add(bytes(0xFF, 0x4F, 1, 2)).add(bytes(3, 0xFF, 0xD9, 0))
                .add(bytes(9, 9)).add(bytes(7, 0xFF, 0xD9, 0));
        EncapsulatedFrames frames = EncapsulatedFrames.of(f, 2, new DataSet(), "x.dcm");
        assertArrayEquals(bytes(9, 9, 7, 0xFF, 0xD9, 0), frames.frame(1));
    }

    @Test
    void basicOffsetTableOffTheFragmentsFallsBackToMarkers() throws Exception {
        Fragments f = new Fragments().add(longs(0, 7)).add(bytes(0xFF, 0xD8, 0xFF, 0xD9)).add(bytes(0xFF, 0xD8, 0xFF, 0xD9));
        EncapsulatedFrames frames = EncapsulatedFrames.of(f, 2, new DataSet(), "x.dcm");
        assertEquals(2, frames.frames());
        assertArrayEquals(bytes(0xFF, 0xD8, 0xFF, 0xD9), frames.frame(1));
    }

    @Test
    void unsplittableFragmentsAreNamed() {
        Fragments f = new Fragments().add(new byte[0]).add(bytes(1, 2)).add(bytes(3, 4)).add(bytes(5, 6));
        DicomFormatException e = assertThrows(DicomFormatException.class,
                () -> EncapsulatedFrames.of(f, 2, new DataSet(), "x.dcm"));
        assertEquals("x.dcm: (7FE0,0010) PixelData: 3 fragments and no usable offset table: cannot split them into "
                + "NumberOfFrames 2 frames by JPEG/JPEG 2000 start or end markers", e.getMessage());
    }
}

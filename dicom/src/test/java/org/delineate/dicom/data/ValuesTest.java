package org.delineate.dicom.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.delineate.dicom.charset.SpecificCharacterSet;
import org.junit.jupiter.api.Test;

/** Value encoding rules of PS3.5 6.2: padding, multiplicity, byte order, DS limits, dates. */
class ValuesTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void textIsSplitOnBackslashAndTrimmedOfPadding() {
        assertArrayEquals(new String[] {"ORIGINAL", "PRIMARY", "AXIAL"},
                Values.strings(ascii("ORIGINAL\\PRIMARY\\AXIAL "), VR.CS, SpecificCharacterSet.DEFAULT));
        assertArrayEquals(new String[] {"1.2.840.10008.1.2"},
                Values.strings(ascii("1.2.840.10008.1.2\0"), VR.UI, SpecificCharacterSet.DEFAULT));
        assertArrayEquals(new String[] {"-1.5", "2"}, Values.strings(ascii(" -1.5\\2 "), VR.DS, SpecificCharacterSet.DEFAULT));
    }

    @Test
    void unlimitedTextKeepsBackslashesAndLeadingSpaces() {
        assertArrayEquals(new String[] {"  a\\b"}, Values.strings(ascii("  a\\b "), VR.LT, SpecificCharacterSet.DEFAULT));
    }

    @Test
    void emptyFieldHasNoValuesButEmptyValuesBetweenDelimitersAreKept() {
        assertEquals(0, Values.strings(new byte[0], VR.CS, SpecificCharacterSet.DEFAULT).length);
        assertArrayEquals(new String[] {"A", "", "C"}, Values.strings(ascii("A\\\\C "), VR.CS, SpecificCharacterSet.DEFAULT));
    }

    @Test
    void textIsPaddedToEvenLengthWithTheVrsPadding() {
        assertArrayEquals(ascii("CT"), Values.encodeStrings(VR.CS, SpecificCharacterSet.DEFAULT, "CT"));
        assertArrayEquals(ascii("MR\\CT "), Values.encodeStrings(VR.CS, SpecificCharacterSet.DEFAULT, "MR", "CT"));
        assertArrayEquals(ascii("1.2.3\0"), Values.encodeStrings(VR.UI, SpecificCharacterSet.DEFAULT, "1.2.3"));
    }

    @Test
    void binaryValuesInBothByteOrders() {
        byte[] little = Values.encodeLongs(VR.US, false, 1, 0xFFFE);
        assertArrayEquals(new byte[] {1, 0, (byte) 0xFE, (byte) 0xFF}, little);
        byte[] big = Values.encodeLongs(VR.US, true, 1, 0xFFFE);
        assertArrayEquals(new byte[] {0, 1, (byte) 0xFF, (byte) 0xFE}, big);
        assertArrayEquals(new long[] {1, 0xFFFE}, Values.longs(big, VR.US, true));
        assertArrayEquals(new long[] {1, -2}, Values.longs(little, VR.SS, false));
        assertArrayEquals(new long[] {0xFFFFFFFFL}, Values.longs(new byte[] {-1, -1, -1, -1}, VR.UL, false));
    }

    @Test
    void attributeTagsAreGroupThenElementEachInTheByteOrder() {
        byte[] encoded = Values.encodeLongs(VR.AT, false, 0x00100020L);
        assertArrayEquals(new byte[] {0x10, 0, 0x20, 0}, encoded);
        assertArrayEquals(new long[] {0x00100020L}, Values.longs(encoded, VR.AT, false));
    }

    @Test
    void floatsRoundTrip() {
        byte[] encoded = Values.encodeDoubles(VR.FD, true, Math.PI, -0.5);
        assertArrayEquals(new double[] {Math.PI, -0.5}, Values.doubles(encoded, VR.FD, true));
        assertArrayEquals(new double[] {0.25}, Values.doubles(Values.encodeDoubles(VR.FL, false, 0.25), VR.FL, false));
    }

    @Test
    void decimalStringsFitSixteenCharacters() {
        assertEquals("2", Values.formatDecimalString(2.0));
        assertEquals("-0.5", Values.formatDecimalString(-0.5));
        String third = Values.formatDecimalString(1.0 / 3);
        assertTrue(third.length() <= 16, third);
        assertEquals(1.0 / 3, Double.parseDouble(third), 1e-13);
        String tiny = Values.formatDecimalString(-1.234567890123e-200);
        assertTrue(tiny.length() <= 16, tiny);
        assertEquals(-1.234567890123e-200, Double.parseDouble(tiny), 1e-208); // 9 significant digits fit
        assertThrows(IllegalArgumentException.class, () -> Values.formatDecimalString(Double.NaN));
    }

    @Test
    void datesAndTimesInStandardAndOldForms() {
        assertEquals(LocalDate.of(2024, 2, 29), DateTimes.parseDate("20240229"));
        assertEquals(LocalDate.of(1999, 12, 31), DateTimes.parseDate("1999.12.31"));
        assertNull(DateTimes.parseDate("20240230"));
        assertNull(DateTimes.parseDate("2024"));
        assertEquals(LocalTime.of(14, 10, 5, 123_000_000), DateTimes.parseTime("141005.123"));
        assertEquals(LocalTime.of(14, 10), DateTimes.parseTime("1410"));
        assertEquals(LocalTime.of(7, 30, 0), DateTimes.parseTime("07:30:00"));
        assertNull(DateTimes.parseTime("141"));
        assertEquals(LocalDateTime.of(2024, 1, 1, 0, 0), DateTimes.parseDateTime("2024"));
        assertEquals(LocalDateTime.of(2024, 3, 15, 8, 30, 1, 500_000_000), DateTimes.parseDateTime("20240315083001.5"));
        assertEquals(OffsetDateTime.of(2024, 3, 15, 8, 30, 0, 0, ZoneOffset.ofHours(-5)),
                DateTimes.parseDateTime("202403150830-0500"));
    }

    @Test
    void personNameComponentsAndGroups() {
        PersonName name = PersonName.parse("Yamada^Tarou=山田^太郎=やまだ^たろう");
        assertEquals("Yamada", name.familyName());
        assertEquals("Tarou", name.givenName());
        assertEquals("山田^太郎", name.ideographic());
        assertEquals("やまだ^たろう", name.phonetic());
        assertEquals("Doe^John", PersonName.parse("Doe^John^^^").toString());
    }

    @Test
    void dataSetSettersAndGettersAgree() {
        DataSet d = new DataSet();
        d.setString(0x00100010, VR.PN, "Doe^Jane");
        d.setInts(0x00280010, VR.US, 512);
        d.setDoubles(0x00280030, VR.DS, 0.5, 0.75);
        d.setLongs(0x00200013, VR.IS, 7);
        d.setLongs(0x00209165, VR.AT, 0x00200032L);
        assertEquals("Doe", d.getPersonName(0x00100010).familyName());
        assertEquals(512, d.getInt(0x00280010, -1));
        assertArrayEquals(new double[] {0.5, 0.75}, d.getDoubles(0x00280030));
        assertEquals(7, d.getInt(0x00200013, -1));
        assertEquals(0x00200032, d.getTag(0x00209165));
        assertEquals(-1, d.getInt(0x00280011, -1));
        assertNull(d.getString(0x00280011));
    }

    @Test
    void itemsInheritTheCharacterSetOfTheirParent() {
        DataSet d = new DataSet();
        d.setString(0x00080005, VR.CS, "ISO_IR 192");
        Sequence sequence = d.newSequence(0x00081140);
        DataSet item = sequence.addItem();
        item.setString(0x00100010, VR.PN, "Wang^XiaoDong=王^小東");
        assertEquals("Wang^XiaoDong=王^小東", item.getString(0x00100010));
        assertEquals("ISO_IR 192", item.characterSet().definedTerms().get(0));
    }

    @Test
    void privateElementsResolveThroughTheirCreator() {
        DataSet d = new DataSet();
        d.setString(0x00290010, VR.LO, "OTHER");
        d.setString(0x00290011, VR.LO, "SIEMENS CSA HEADER");
        d.setString(0x00291108, VR.CS, "IMAGE NUM 4");
        assertEquals("SIEMENS CSA HEADER", d.privateCreatorOf(0x00291108));
        assertEquals("IMAGE NUM 4", new String(d.getPrivate("SIEMENS CSA HEADER", 0x0029, 0x08).bytes(),
                StandardCharsets.US_ASCII).trim());
        assertNull(d.getPrivate("ABSENT", 0x0029, 0x08));
    }
}

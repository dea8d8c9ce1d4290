package org.delineate.dicom.volume;

/**
 * How a volume holds its samples: the four layouts ImageJ 1.x shows without copying (8-bit,
 * 16-bit, 32-bit float, RGB), one primitive array per slice.
 *
 * <p>Signed 8- and 16-bit stored values are held shifted by 128 or 32768 into the unsigned range
 * ({@link Volume#storedOffset()}); the modality LUT accounts for the shift, as ImageJ's own DICOM
 * reader does with its calibration. 32-bit integers (e.g. RT Dose) are held as float.
 */
public enum SampleType {
    /** {@code byte[]} planes, ImgLib2 UnsignedByteType. */
    UINT8,
    /** {@code short[]} planes, ImgLib2 UnsignedShortType. */
    UINT16,
    /** {@code float[]} planes, ImgLib2 FloatType. */
    FLOAT32,
    /** {@code int[]} planes of packed 0xRRGGBB, ImgLib2 ARGBType. */
    RGB
}

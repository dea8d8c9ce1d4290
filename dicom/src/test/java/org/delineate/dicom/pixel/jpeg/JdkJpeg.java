package org.delineate.dicom.pixel.jpeg;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.w3c.dom.Node;

/**
 * The JDK's own JPEG writer and reader (libjpeg 6b inside {@code com.sun.imageio.plugins.jpeg}), chosen by
 * class name among the ImageIO plug-ins because TwelveMonkeys registers for "jpeg" too: the independent
 * 8-bit encoder and oracle of the decoder tests.
 */
final class JdkJpeg {

    private static final String NATIVE_FORMAT = "javax_imageio_jpeg_image_1.0";

    private JdkJpeg() {
    }

    /** A test image: smooth gradients with seeded noise and a sharp edge, so that all frequencies occur. */
    static BufferedImage image(int width, int height, boolean color, long seed) {
        BufferedImage image = new BufferedImage(width, height,
                color ? BufferedImage.TYPE_3BYTE_BGR : BufferedImage.TYPE_BYTE_GRAY);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int edge = x > width / 2 && y > height / 3 ? 90 : 0;
                int r = clamp(x * 255 / width + edge + random.nextInt(41) - 20);
                int g = clamp(y * 255 / height - edge + random.nextInt(41) - 20);
                int b = clamp((x + y) * 127 / (width + height) + random.nextInt(81));
                image.getRaster().setPixel(x, y, color ? new int[] {r, g, b} : new int[] {r});
            }
        }
        return image;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /**
     * Encodes {@code image} as baseline JPEG (JFIF; 3 components are converted to YCbCr).
     *
     * @param h the horizontal sampling factor of the first component (the others have 1), or 0 for the default
     * @param v its vertical sampling factor, or 0 for the default
     * @param restartInterval Ri in MCUs, or 0 for no DRI marker
     * @param progressive true for a progressive (SOF2) stream
     */
    static byte[] encode(BufferedImage image, int h, int v, int restartInterval, boolean progressive)
            throws IOException {
        ImageWriter writer = jdk(ImageIO.getImageWritersByFormatName("jpeg"), "JPEGImageWriter");
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
            IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(NATIVE_FORMAT);
            IIOMetadataNode sequence = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
            if (h > 0) {
                IIOMetadataNode spec = (IIOMetadataNode) root.getElementsByTagName("componentSpec").item(0);
                spec.setAttribute("HsamplingFactor", Integer.toString(h));
                spec.setAttribute("VsamplingFactor", Integer.toString(v));
            }
            if (restartInterval > 0) {
                IIOMetadataNode dri = new IIOMetadataNode("dri");
                dri.setAttribute("interval", Integer.toString(restartInterval));
                Node sof = root.getElementsByTagName("sof").item(0);
                sequence.insertBefore(dri, sof);
            }
            metadata.setFromTree(NATIVE_FORMAT, root);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, metadata), param);
            }
            return bytes.toByteArray();
        } finally {
            writer.dispose();
        }
    }

    /** Decodes with the JDK's reader, without color conversion (bands as coded). */
    static Raster decode(byte[] jpeg) throws IOException {
        ImageReader reader = jdk(ImageIO.getImageReadersByFormatName("jpeg"), "JPEGImageReader");
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in, true, true);
            return reader.readRaster(0, null);
        } finally {
            reader.dispose();
        }
    }

    private static <T> T jdk(Iterator<T> candidates, String simpleName) {
        while (candidates.hasNext()) {
            T candidate = candidates.next();
            if (candidate.getClass().getName().equals("com.sun.imageio.plugins.jpeg." + simpleName)) {
                return candidate;
            }
        }
        throw new IllegalStateException("the JDK's " + simpleName + " is not registered with ImageIO");
    }
}

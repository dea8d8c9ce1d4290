package org.delineate.privacy.pixels;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.TransferSyntax;
import org.delineate.dicom.pixel.PixelData;
import org.delineate.dicom.pixel.PixelDescription;
import org.delineate.dicom.pixel.UnsupportedTransferSyntaxException;

/**
 * Removes burned-in text from Pixel Data by the rectangles of {@link RedactionRules}, and withholds
 * images that may show burned-in text no rule covers. Decisions (see docs/deid-pixels.md):
 * <ul>
 * <li>a rule matches: REDACTED, its rectangles blanked in every frame (to {@link SampleFill}'s value),
 *     BurnedInAnnotation (0028,0301) set to NO and the Icon Image Sequence (0088,0200), a thumbnail of
 *     the unredacted image, removed;
 * <li>no rule matches but the data set may show burned-in text ({@link BurnedInRisk}): WITHHELD;
 * <li>otherwise: UNCHANGED, the data set not touched at all.
 * </ul>
 * Native Pixel Data is blanked in a copy of its bytes, in its own encoding. Encapsulated Pixel Data is
 * decoded and replaced by native values, so the file must then be written in Explicit VR Little Endian
 * ({@link Redaction#transferSyntax()}); Lossy Image Compression attributes are kept. Images the decoders
 * or blanking cannot handle are WITHHELD with the reason. Thread-safe: holds only its rules.
 */
public final class PixelRedactor {

    /** Transfer syntaxes that are always lossy: JPEG Baseline and Extended. */
    private static final Set<String> LOSSY_JPEG = Set.of("1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51");

    private final RedactionRules rules;

    private PixelRedactor(RedactionRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** A redactor applying {@code rules} (for instance {@code RedactionRules.defaults().extendedWith(user)}). */
    public static PixelRedactor of(RedactionRules rules) {
        return new PixelRedactor(rules);
    }

    /**
     * Decides for {@code file}, and for REDACTED modifies its data set: replaces the Pixel Data element
     * (never writing into the array the reader holds), sets BurnedInAnnotation to NO and removes the Icon
     * Image Sequence. UNCHANGED and WITHHELD leave the data set as it was.
     *
     * @return the decision and the file to write
     * @throws IOException when the Pixel Data is malformed (the decoders' {@code DicomFormatException})
     */
    public Redaction redact(DicomFile file) throws IOException {
        DataSet ds = file.dataSet();
        TransferSyntax ts = file.transferSyntax();
        List<RedactionRule> matching = rules.matching(ds);
        if (!ds.contains(Tag.PixelData) && !ds.contains(Tag.FloatPixelData) && !ds.contains(Tag.DoubleFloatPixelData)) {
            return BurnedInRisk.of(ds).map(risk -> withheld(file, risk + ", and the data set has no Pixel Data to redact"))
                    .orElseGet(() -> new Redaction(Decision.UNCHANGED, "no Pixel Data", List.of(), file, ts));
        }
        if (matching.isEmpty()) {
            Optional<String> risk = BurnedInRisk.of(ds);
            return risk.isPresent() ? withheld(file, risk.get() + " and no redaction rule matches")
                    : new Redaction(Decision.UNCHANGED, "no redaction rule matches and nothing indicates burned-in text",
                            List.of(), file, ts);
        }
        List<Rectangle> rectangles = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (RedactionRule rule : matching) {
            rectangles.addAll(rule.rectangles());
            names.add(rule.name());
        }
        DicomFile result = file;
        int frames = 0;
        if (!rectangles.isEmpty()) {
            PixelDescription d = PixelDescription.of(ds, source(file));
            frames = d.numberOfFrames();
            DataElement element = ds.get(d.pixelDataTag());
            String problem = element.isFragments() ? DecodedBlanking.unsupported(d) : NativeBlanking.unsupported(d);
            if (problem != null) {
                return withheld(file, "rules " + names + " match but the Pixel Data cannot be redacted: " + problem);
            }
            if (element.isFragments()) {
                PixelData pixels;
                try {
                    pixels = PixelData.of(file);
                } catch (UnsupportedTransferSyntaxException e) {
                    return withheld(file, "rules " + names + " match but the Pixel Data cannot be decoded: transfer syntax "
                            + ts.uid() + " (" + ts.name() + ") is not supported");
                }
                DecodedBlanking.Result decoded;
                try {
                    decoded = DecodedBlanking.blank(pixels, rectangles);
                } catch (UnsupportedTransferSyntaxException e) {
                    return withheld(file, "rules " + names + " match but a frame uses a variant of " + ts.name()
                            + " the decoder does not support");
                }
                replaceEncapsulated(ds, d, decoded, ts);
                result = new DicomFile(file.preamble(), file.fileMeta(), ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                        file.deviations(), file.source(), file.complete());
            } else {
                d.checkNativeLength(element.length(), source(file));
                byte[] bytes = element.hasBytes() ? element.bytes().clone() : element.bulkData().read();
                boolean swappedPairs = ds.bigEndian() && element.vr() == VR.OW && d.bitsAllocated() == 8;
                NativeBlanking.blank(bytes, d, rectangles, ds.bigEndian(), swappedPairs);
                ds.put(DataElement.of(element.tag(), element.vr(), bytes));
            }
        }
        ds.setString(Tag.BurnedInAnnotation, VR.CS, "NO");
        ds.remove(Tag.IconImageSequence);
        String what = rectangles.isEmpty() ? "no rectangles to blank (the rules state the image is clean)"
                : rectangles.size() + " rectangle(s) blanked in " + frames + " frame(s)";
        return new Redaction(Decision.REDACTED, "rules " + names + " match: " + what, names, result,
                result.transferSyntax());
    }

    /**
     * Replaces encapsulated Pixel Data by the decoded native values: color-by-pixel, in the interpretation
     * the decoder returned (YBR_FULL for YBR_FULL_422 JPEG, RGB for JPEG 2000 YBR_ICT/YBR_RCT).
     */
    private static void replaceEncapsulated(DataSet ds, PixelDescription d, DecodedBlanking.Result decoded,
            TransferSyntax ts) {
        ds.put(DataElement.of(Tag.PixelData, d.bitsAllocated() == 8 ? VR.OB : VR.OW, decoded.bytes()));
        ds.remove(Tag.ExtendedOffsetTable);
        ds.remove(Tag.ExtendedOffsetTableLengths);
        if (d.samplesPerPixel() > 1) {
            ds.setInts(Tag.PlanarConfiguration, VR.US, 0);
        }
        if (decoded.photometricInterpretation() != d.photometricInterpretation()) {
            ds.setString(Tag.PhotometricInterpretation, VR.CS, decoded.photometricInterpretation().value());
        }
        // NB: decoding loses the evidence that the values passed through lossy JPEG; PS3.3 C.7.6.1.1.5
        // requires LossyImageCompression 01 once lossy compressed, so it is added where the source forgot it.
        if (LOSSY_JPEG.contains(ts.uid()) && !ds.contains(Tag.LossyImageCompression)) {
            ds.setString(Tag.LossyImageCompression, VR.CS, "01");
            if (!ds.contains(Tag.LossyImageCompressionMethod)) {
                ds.setString(Tag.LossyImageCompressionMethod, VR.CS, "ISO_10918_1");
            }
        }
    }

    private static Redaction withheld(DicomFile file, String reason) {
        return new Redaction(Decision.WITHHELD, reason, List.of(), file, file.transferSyntax());
    }

    private static String source(DicomFile file) {
        return file.source() == null ? "<data set>" : file.source().toString();
    }

    @Override
    public String toString() {
        return "PixelRedactor[" + rules.rules().size() + " rules]";
    }
}

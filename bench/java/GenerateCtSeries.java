import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import org.delineate.dicom.data.DataElement;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Uids;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomFormatException;
import org.delineate.dicom.io.DicomReader;
import org.delineate.dicom.io.DicomWriter;
import org.delineate.dicom.io.ReadOptions;
import org.delineate.dicom.io.TransferSyntax;
import org.delineate.dicom.io.WriteOptions;

/**
 * Writes a synthetic axial CT series of N slices of 512 x 512 from real CT slices, for
 * {@code bench/open-volume.sh}. Not part of any jar.
 *
 * <p>Usage: {@code java -cp dicom/target/classes:<dir> GenerateCtSeries <source-folder> <out-folder> [slices]}.
 * Finds the CT Image Storage files of 512 x 512 under the source folder with Delineate's reader (header
 * only), then writes slice k (0-based) with the header of the first of them and the pixels of source
 * {@code k mod sources}: a new SeriesInstanceUID for the series, a new SOPInstanceUID, InstanceNumber
 * k + 1, ImagePositionPatient z and SliceLocation 1 mm apart, SliceThickness 1, in Explicit VR Little
 * Endian. File names are a shuffled (seed 42) permutation of the slice numbers, so that name order is
 * not slice order.
 */
public final class GenerateCtSeries {

    private static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
    private static final int SOP_INSTANCE_UID = 0x00080018;
    private static final int SERIES_INSTANCE_UID = 0x0020000E;
    private static final int SERIES_NUMBER = 0x00200011;
    private static final int INSTANCE_NUMBER = 0x00200013;
    private static final int IMAGE_POSITION_PATIENT = 0x00200032;
    private static final int SLICE_LOCATION = 0x00201041;
    private static final int SLICE_THICKNESS = 0x00180050;
    private static final int SPACING_BETWEEN_SLICES = 0x00180088;
    private static final int PIXEL_DATA = 0x7FE00010;

    private GenerateCtSeries() {
    }

    public static void main(String[] args) throws IOException {
        Path source = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int slices = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        List<Path> cts = findCtSlices(source);
        if (cts.isEmpty()) {
            throw new IOException("no 512 x 512 CT Image Storage file under " + source);
        }
        DicomReader reader = new DicomReader(ReadOptions.defaults());
        List<DataSet> sources = new ArrayList<>();
        for (Path p : cts) {
            sources.add(reader.readFile(p).dataSet());
        }
        DataSet template = sources.get(0);
        double[] origin = template.getDoubles(IMAGE_POSITION_PATIENT);
        String series = Uids.newUid();
        List<Integer> names = new ArrayList<>();
        for (int k = 0; k < slices; k++) {
            names.add(k);
        }
        Collections.shuffle(names, new Random(42));
        Files.createDirectories(out);
        DicomWriter writer = new DicomWriter(WriteOptions.fresh(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        for (int k = 0; k < slices; k++) {
            DataSet ds = new DataSet();
            for (DataElement e : template) {
                ds.put(e);
            }
            ds.put(sources.get(k % sources.size()).get(PIXEL_DATA));
            double z = origin[2] + k;
            ds.setString(SOP_INSTANCE_UID, VR.UI, Uids.newUid());
            ds.setString(SERIES_INSTANCE_UID, VR.UI, series);
            ds.setString(SERIES_NUMBER, VR.IS, "9001");
            ds.setString(INSTANCE_NUMBER, VR.IS, Integer.toString(k + 1));
            ds.setString(IMAGE_POSITION_PATIENT, VR.DS, ds(origin[0]), ds(origin[1]), ds(z));
            ds.setString(SLICE_LOCATION, VR.DS, ds(z));
            ds.setString(SLICE_THICKNESS, VR.DS, "1");
            ds.remove(SPACING_BETWEEN_SLICES);
            Path file = out.resolve(String.format(Locale.ROOT, "CT%05d.dcm", names.get(k)));
            writer.write(DicomFile.of(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), file);
        }
        System.out.printf("sources=%d slices=%d folder=%s%n", cts.size(), slices, out);
    }

    /** The CT Image Storage files of 512 x 512 under {@code root}, by path. */
    private static List<Path> findCtSlices(Path root) throws IOException {
        DicomReader headers = new DicomReader(ReadOptions.defaults().withStopBeforePixelData(true));
        List<Path> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
        for (Path p : files) {
            try {
                DataSet ds = headers.readFile(p).dataSet();
                if (CT_IMAGE_STORAGE.equals(ds.getString(0x00080016)) && ds.getInt(0x00280010, 0) == 512
                        && ds.getInt(0x00280011, 0) == 512 && ds.getInt(0x00280100, 0) == 16) {
                    found.add(p);
                }
            } catch (DicomFormatException e) {
                // not a file to use
            }
        }
        return found;
    }

    private static String ds(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v);
        return s.length() <= 16 ? s : s.substring(0, 16);
    }
}

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.delineate.dicom.code.Code;
import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.data.Sequence;
import org.delineate.dicom.data.Uids;
import org.delineate.dicom.data.VR;
import org.delineate.dicom.dict.Tag;
import org.delineate.dicom.geometry.VolumeGeometry;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomWriter;
import org.delineate.dicom.io.TransferSyntax;
import org.delineate.dicom.io.WriteOptions;
import org.delineate.dicom.sample.CtPhantom;
import org.delineate.dicom.seg.PlacementOptions;
import org.delineate.dicom.seg.PlacementTarget;
import org.delineate.dicom.seg.SegWriteOptions;
import org.delineate.dicom.seg.SegmentAlgorithmType;
import org.delineate.dicom.seg.LabeledSegment;
import org.delineate.dicom.seg.SegmentDescription;
import org.delineate.dicom.seg.SegmentVolumes;
import org.delineate.dicom.seg.SegmentationFrames;
import org.delineate.dicom.seg.SegmentationReader;
import org.delineate.dicom.seg.SegmentationSource;
import org.delineate.dicom.seg.SegmentationWriter;
import org.delineate.dicom.series.FrameStack;
import org.delineate.dicom.series.ScanOptions;
import org.delineate.dicom.series.SeriesScanner;
import org.delineate.dicom.series.StackVolumes;
import org.delineate.dicom.volume.Volume;

/**
 * DICOM-SEG writing and reading with Delineate, for {@code bench/seg.sh}. Not part of any jar.
 *
 * <p>Usage: {@code java -cp <classpath> SegBench MODE ...}:
 * <ul>
 * <li>{@code prepare CT WORK [slices]}: writes a 512 x 512 x slices CtPhantom series into CT; into WORK its five
 * organs (1 body, 2 lungs, 3 liver, 4 spine, 5 lesion, from the phantom's own HU model at each voxel centre) as a
 * multi-frame label map DICOM {@code labels.dcm} (8 bit, functional groups with the CT's geometry) and the label
 * description {@code labels.csv} PixelMed's IndexedLabelMapToSegmentation takes, and {@code seg100.dcm}, a BINARY
 * SEG of 100 segments (blocks of 30 slices each) on the CT, written by Delineate.
 * <li>{@code write CT WORK iterations [threads]}: per iteration, scans the CT's headers, reads labels.dcm as a
 * volume, then writes a BINARY SEG of the five organs with {@code threads} threads (default: the processors); prints
 * wall and process CPU seconds of the writer alone (labels in memory) and of the whole iteration.
 * <li>{@code read CT WORK iterations}: per iteration, reads seg100.dcm and places it on the CT's grid (merged label
 * map built); the first iteration also builds all 100 segment volumes one after another.
 * </ul>
 */
public final class SegBench {

    private static final String[] ORGANS = {"Body", "Lungs", "Liver", "Spine", "Lesion"};
    private static final String[][] SCT = {{"38266002", "Entire body"}, {"39607008", "Lung"}, {"10200004", "Liver"},
        {"421060004", "Spine"}, {"4147007", "Mass"}};

    private SegBench() {
    }

    public static void main(String[] args) throws Exception {
        Path ct = Path.of(args[1]);
        Path work = Path.of(args[2]);
        switch (args[0]) {
            case "prepare" -> prepare(ct, work, args.length > 3 ? Integer.parseInt(args[3]) : 300);
            case "write" -> write(ct, work, Integer.parseInt(args[3]), args.length > 4 ? Integer.parseInt(args[4])
                    : Runtime.getRuntime().availableProcessors());
            case "read" -> read(ct, work, Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException("mode prepare, write or read, not " + args[0]);
        }
    }

    private static void prepare(Path ct, Path work, int slices) throws Exception {
        Files.createDirectories(ct);
        Files.createDirectories(work);
        CtPhantom phantom = new CtPhantom(512, slices, 0.8, 1.0, Uids.newUid(), Uids.newUid(), Uids.newUid());
        DicomWriter writer = new DicomWriter(WriteOptions.fresh(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        for (int k = 0; k < slices; k++) {
            writer.write(DicomFile.of(phantom.slice(k), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN),
                    ct.resolve(String.format(Locale.ROOT, "ct%04d.dcm", k)));
        }
        Source source = source(ct);
        VolumeGeometry g = source.seg().geometry();
        byte[] labels = new byte[512 * 512 * slices];
        int n = 0;
        for (int k = 0; k < slices; k++) {
            for (int j = 0; j < 512; j++) {
                for (int i = 0; i < 512; i++, n++) {
                    double[] p = g.toPatient(i, j, k);
                    labels[n] = (byte) organ(phantom.hounsfield(p[0], p[1], p[2]));
                }
            }
        }
        writer.write(DicomFile.of(labelMap(source, labels, slices), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN),
                work.resolve("labels.dcm"));
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(work.resolve("labels.csv"), StandardCharsets.UTF_8))) {
            // Columns as PixelMed's readLabelMapFile takes them: 0 description, 1 meaning, 2 side, 3 index, 4 CUI,
            // 5 concept, 6 SNOMED code, 7 FMA, 8 unused, 9..11 red, green, blue, 12 DCM code.
            csv.println("Original Description,Code Meaning,Side,Index,CUI,Concept,SNOMED,FMA,Unused,Red,Green,Blue,DCM");
            for (int s = 0; s < ORGANS.length; s++) {
                csv.println(ORGANS[s] + "," + SCT[s][1] + ",," + (s + 1) + ",,," + SCT[s][0] + ",,," + (40 * s) + ",100,50,");
            }
        }
        List<Object> blocks = new ArrayList<>();
        int[] values = new int[100];
        for (int s = 1; s <= 100; s++) {
            values[s - 1] = s;
        }
        for (int k = 0; k < slices; k++) {
            byte[] plane = new byte[512 * 512];
            int group = k / Math.max(1, slices / 10);
            for (int j = 100; j < 400; j++) {
                for (int i = 0; i < 500; i++) {
                    int s = group * 10 + i / 50 + 1;
                    plane[j * 512 + i] = (byte) (i % 50 < 45 && s <= 100 ? s : 0);
                }
            }
            blocks.add(plane);
        }
        List<SegmentDescription> hundred = new ArrayList<>();
        for (int s = 1; s <= 100; s++) {
            hundred.add(description("Block " + s, new String[] {"10200004", "Liver"}, s));
        }
        SegmentationWriter.Written w = SegmentationWriter.write(work.resolve("seg100.dcm"), source.seg(),
                SegmentationFrames.ofLabels(512, 512, blocks, values), hundred, SegWriteOptions.defaults());
        System.out.printf(Locale.ROOT, "prepared slices=%d seg100_frames=%d%n", slices, w.numberOfFrames());
    }

    /** The label of a phantom HU value: the organ thresholds of the benchmark. */
    private static int organ(double hu) {
        if (hu > 90 && hu < 110) {
            return 5;
        }
        if (hu > 600) {
            return 4;
        }
        if (hu > 50 && hu < 70) {
            return 3;
        }
        if (hu > -900 && hu < -700) {
            return 2;
        }
        return hu > -500 ? 1 : 0;
    }

    private static void write(Path ct, Path work, int iterations, int threads) throws Exception {
        List<LabeledSegment> segments = new ArrayList<>();
        for (int s = 0; s < ORGANS.length; s++) {
            segments.add(new LabeledSegment(s + 1, description(ORGANS[s], SCT[s], s + 1)));
        }
        SegWriteOptions options = SegWriteOptions.builder().threads(threads).build();
        for (int it = 1; it <= iterations; it++) {
            long start = System.nanoTime();
            long startCpu = processCpu();
            Source source = source(ct);
            long scanned = System.nanoTime();
            // The label map as a user opens a DICOM image: scanned and read as a volume (its frames are its slices).
            FrameStack stack = new SeriesScanner(new ScanOptions(threads)).scan(List.of(work.resolve("labels.dcm")))
                    .series().get(0).stacks().get(0);
            Volume labels = StackVolumes.read(stack, threads);
            long read = System.nanoTime();
            long cpu = processCpu();
            SegmentationWriter.Written w = SegmentationWriter.writeLabels(work.resolve("delineate-seg.dcm"), source.seg(),
                    SegmentationFrames.ofLabels(labels, segments), segments, options);
            long end = System.nanoTime();
            long endCpu = processCpu();
            System.out.printf(Locale.ROOT, "iteration=%d scan_s=%.3f labels_s=%.3f write_s=%.3f write_cpu_s=%.3f total_s=%.3f "
                    + "total_cpu_s=%.3f frames=%d bytes=%d%n", it, (scanned - start) / 1e9, (read - scanned) / 1e9,
                    (end - read) / 1e9, (endCpu - cpu) / 1e9, (end - start) / 1e9, (endCpu - startCpu) / 1e9,
                    w.numberOfFrames(), Files.size(work.resolve("delineate-seg.dcm")));
        }
    }

    /**
     * CPU time of the whole process (all threads: workers, garbage collector, JIT compiler), in nanoseconds: what a
     * run costs whatever else the (shared) machine does.
     */
    static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void read(Path ct, Path work, int iterations) throws Exception {
        FrameStack stack = new SeriesScanner(ScanOptions.defaults()).scan(List.of(ct)).series().get(0).stacks().get(0);
        PlacementTarget target = PlacementTarget.of(stack);
        for (int it = 1; it <= iterations; it++) {
            long start = System.nanoTime();
            long cpu = processCpu();
            SegmentVolumes placed = SegmentationReader.read(work.resolve("seg100.dcm")).place(target, PlacementOptions.defaults());
            long end = System.nanoTime();
            cpu = processCpu() - cpu;
            String volumes = "";
            if (it == 1) {
                long v = System.nanoTime();
                for (SegmentDescription s : placed.segments()) {
                    placed.segmentVolume(s.segmentNumber());
                }
                volumes = String.format(Locale.ROOT, " all_volumes_s=%.3f", (System.nanoTime() - v) / 1e9);
            }
            System.out.printf(Locale.ROOT, "iteration=%d read_s=%.3f read_cpu_s=%.3f total_s=%.3f segments=%d frames=%d "
                    + "overlapping=%b%s%n", it, (end - start) / 1e9, cpu / 1e9, (end - start) / 1e9, placed.segments().size(), placed.placements().size(),
                    placed.overlapping(), volumes);
        }
    }

    private record Source(SegmentationSource seg, Path first) {
    }

    /** The CT's grid and references from its headers (no pixel data read). */
    private static Source source(Path ct) throws IOException, InterruptedException {
        FrameStack stack = new SeriesScanner(ScanOptions.defaults()).scan(List.of(ct)).series().get(0).stacks().get(0);
        return new Source(SegmentationSource.read(stack), stack.frames().get(0).file());
    }

    private static SegmentDescription description(String label, String[] type, int s) {
        return SegmentDescription.builder().segmentLabel(label).algorithmType(SegmentAlgorithmType.MANUAL)
                .category(Code.sct("85756007", "Tissue")).type(Code.sct(type[0], type[1]))
                .recommendedDisplayRgb((40 * s) % 256, 100, 50).build();
    }

    /** The labels as a multi-frame 8-bit image with the CT's plane geometry in functional groups, for PixelMed. */
    private static DataSet labelMap(Source source, byte[] labels, int slices) throws IOException {
        DataSet ref = source.seg().header();
        DataSet d = new DataSet();
        d.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7.2");
        d.setString(Tag.SOPInstanceUID, VR.UI, Uids.newUid());
        for (int tag : new int[] {Tag.StudyInstanceUID, Tag.FrameOfReferenceUID, Tag.PatientName, Tag.PatientID,
            Tag.StudyDate, Tag.StudyTime}) {
            String v = ref.getString(tag);
            if (v != null) {
                d.setString(tag, tag == Tag.PatientName ? VR.PN : tag == Tag.StudyDate ? VR.DA : tag == Tag.StudyTime ? VR.TM
                        : tag == Tag.PatientID ? VR.LO : VR.UI, v);
            }
        }
        d.setString(Tag.SeriesInstanceUID, VR.UI, Uids.newUid());
        d.setString(Tag.Modality, VR.CS, "OT");
        d.setInts(Tag.SamplesPerPixel, VR.US, 1);
        d.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        d.setString(Tag.NumberOfFrames, VR.IS, String.valueOf(slices));
        d.setInts(Tag.Rows, VR.US, 512);
        d.setInts(Tag.Columns, VR.US, 512);
        d.setInts(Tag.BitsAllocated, VR.US, 8);
        d.setInts(Tag.BitsStored, VR.US, 8);
        d.setInts(Tag.HighBit, VR.US, 7);
        d.setInts(Tag.PixelRepresentation, VR.US, 0);
        DataSet shared = d.newSequence(Tag.SharedFunctionalGroupsSequence).addItem();
        shared.newSequence(Tag.PlaneOrientationSequence).addItem().setString(Tag.ImageOrientationPatient, VR.DS,
                source.seg().imageOrientationPatient());
        DataSet measures = shared.newSequence(Tag.PixelMeasuresSequence).addItem();
        measures.setString(Tag.PixelSpacing, VR.DS, source.seg().pixelSpacing());
        measures.setString(Tag.SliceThickness, VR.DS, source.seg().sliceThickness());
        Sequence perFrame = d.newSequence(Tag.PerFrameFunctionalGroupsSequence);
        for (int k = 0; k < slices; k++) {
            double[] p = source.seg().imagePositionPatient(k);
            perFrame.addItem().newSequence(Tag.PlanePositionSequence).addItem().setDoubles(Tag.ImagePositionPatient,
                    VR.DS, p);
        }
        d.setBytes(Tag.PixelData, VR.OB, labels);
        return d;
    }
}

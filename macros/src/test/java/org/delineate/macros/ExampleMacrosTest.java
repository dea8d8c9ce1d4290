package org.delineate.macros;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.delineate.dicom.Peers;
import org.delineate.dicom.TestFiles;
import org.delineate.plugins.DelineateImageJ;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example macros of {@code macros/src/main/ijm} run as users run them, {@code ImageJ -batch macro.ijm "key=value
 * ..."} in a separate ImageJ 1.x (its own JVM under xvfb-run, Delineate installed into its plugins folder), their
 * outputs judged by external oracles: dciodvfy and pydicom for the radiologist's DICOM-SEG, the phantom's known
 * lesion volume (4/3 pi r^3, within 2 %) and pydicom's pixel count of a dcmqi SEG for the researcher's CSV, and
 * pydicom for identifiers left in the compliance officer's de-identified output. Subclasses say which ImageJ.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ExampleMacrosTest {

    /** The example macros, as shipped. */
    static final Path MACROS = Path.of("src", "main", "ijm").toAbsolutePath();

    /** The phantom lesion's true volume in mL: a sphere of 15 mm radius (CtPhantom.LESION_RADIUS). */
    private static final double LESION_ML = 4.0 / 3 * Math.PI * Math.pow(15, 3) / 1000;

    /** The class's temporary folder (the user's home, inputs and outputs). */
    private Path tmp;

    private Path home;
    private Path lesionSeg;
    private Peers.Result radiologist;

    /** Installs Delineate into this test's ImageJ, {@code home} being the user's home folder. */
    abstract void install(Path home) throws IOException;

    /** Runs {@code ImageJ -batch macro argument} in this test's ImageJ with the user's home {@code home}. */
    abstract Peers.Result batch(Path home, Path macro, String argument) throws IOException;

    @BeforeAll
    void installAndRunTheRadiologistsMacro(@TempDir Path folder) throws IOException {
        Peers.assumeInstalled("xvfb-run");
        tmp = folder;
        home = Files.createDirectories(tmp.resolve("home"));
        install(home);
        lesionSeg = tmp.resolve("out").resolve("lesion.dcm");
        Files.createDirectories(lesionSeg.getParent());
        radiologist = batch(home, MACROS.resolve("radiologist-segment-lesion.ijm"), "out=[" + lesionSeg + "]");
    }

    /** The sample study the radiologist's macro generated under the user's home. */
    private Path sample() {
        return home.resolve(".cache/delineate/sample-ct");
    }

    @Test
    void theMenuHasEveryDelineateCommand() throws IOException {
        Path check = tmp.resolve("menu.ijm");
        StringBuilder macro = new StringBuilder("List.setCommands;\n");
        for (String[] entry : DelineateImageJ.entries()) {
            macro.append("print(\"").append(entry[1]).append(" = \" + List.get(\"").append(entry[1]).append("\"));\n");
        }
        Files.writeString(check, macro);
        Peers.Result r = batch(home, check, "");
        for (String[] entry : DelineateImageJ.entries()) {
            assertTrue(r.stdout().contains(entry[1] + " = " + entry[2] + "\n"), entry[1] + ":\n" + r.all());
        }
    }

    @Test
    void radiologistSegmentsTheLesionIntoAValidSegOfItsTrueVolume() throws IOException {
        assertTrue(radiologist.stdout().contains("saved " + lesionSeg), radiologist.all());
        assertTrue(radiologist.stdout().contains("Mass: 13.88 mL, mean 100.0 HU"), radiologist.all());
        Peers.assumeInstalled("dciodvfy");
        Peers.Result check = Peers.run(List.of("dciodvfy", lesionSeg.toString()), 60);
        assertEquals(List.of(), check.all().lines().filter(l -> l.startsWith("Error")).toList(), check.all());
        Peers.assumePydicom();
        Peers.Result py = Peers.runPythonWithArguments("""
                import sys, glob, pydicom
                seg = pydicom.dcmread(sys.argv[1])
                ct = pydicom.dcmread(sorted(glob.glob(sys.argv[2] + '/*.dcm'))[0])
                measures = seg.SharedFunctionalGroupsSequence[0].PixelMeasuresSequence[0]
                voxel = float(measures.PixelSpacing[0]) * float(measures.PixelSpacing[1]) * float(measures.SliceThickness)
                print(seg.SOPClassUID, seg.SegmentationType, seg.SegmentSequence[0].SegmentLabel)
                print(seg.ReferencedSeriesSequence[0].SeriesInstanceUID == ct.SeriesInstanceUID, seg.PatientID == ct.PatientID)
                print('%.6f' % (int(seg.pixel_array.sum()) * voxel / 1000))
                """, List.of(lesionSeg.toString(), sample().toString()), 120);
        assertEquals(0, py.exitCode(), py.stderr());
        List<String> lines = py.stdout().strip().lines().toList();
        assertEquals("1.2.840.10008.5.1.4.1.1.66.4 BINARY Mass", lines.get(0));
        assertEquals("True True", lines.get(1), "the SEG references the sample series and its patient");
        assertEquals(LESION_ML, Double.parseDouble(lines.get(2)), LESION_ML * 0.02, "pydicom: the lesion's volume");
    }

    @Test
    void researcherTabulatesSegVolumes() throws IOException {
        Path dcmqi = TestFiles.assumeTestdata().resolve("dcmqi_testdata/data/segmentations");
        Path segs = Files.createDirectories(tmp.resolve("segs"));
        Path images = Files.createDirectories(tmp.resolve("images"));
        Files.copy(lesionSeg, segs.resolve("lesion.dcm"));
        Files.copy(dcmqi.resolve("liver.dcm"), segs.resolve("liver.dcm"));
        copyTree(sample(), images.resolve("sample-ct"));
        copyTree(dcmqi.resolve("ct-3slice"), images.resolve("ct-3slice"));
        Path csv = tmp.resolve("out").resolve("volumes.csv");
        Peers.Result r = batch(home, MACROS.resolve("researcher-seg-volumes.ijm"), "segs=[" + segs + "] images=["
                + images + "] out=[" + csv + "]");
        assertTrue(r.stdout().contains("2 segmentations, 2 segments: " + csv), r.all());
        List<String> rows = Files.readAllLines(csv);
        assertEquals("file,segment,voxels,volume_ml,mean,sd,min,max,longest_diameter_mm,perpendicular_mm", rows.get(0));
        String[] lesion = rows.get(1).split(",");
        String[] liver = rows.get(2).split(",");
        assertEquals(List.of("lesion.dcm", "Mass"), List.of(lesion[0], lesion[1]));
        assertEquals(LESION_ML, Double.parseDouble(lesion[3]), LESION_ML * 0.02, "the lesion's true volume");
        Peers.assumePydicom();
        Peers.Result py = Peers.runPythonWithArguments("""
                import sys, glob, pydicom
                seg = pydicom.dcmread(sys.argv[1])
                cts = [pydicom.dcmread(f) for f in glob.glob(sys.argv[2] + '/*.dcm')]
                z = sorted(float(c.ImagePositionPatient[2]) for c in cts)
                voxel = float(cts[0].PixelSpacing[0]) * float(cts[0].PixelSpacing[1]) * abs(z[1] - z[0])
                count = int(seg.pixel_array.astype(bool).sum())
                print(seg.SegmentSequence[0].SegmentLabel, count, '%.6f' % (count * voxel / 1000))
                """, List.of(dcmqi.resolve("liver.dcm").toString(), dcmqi.resolve("ct-3slice").toString()), 120);
        assertEquals(0, py.exitCode(), py.stderr());
        String[] expected = py.stdout().strip().split(" ");
        assertEquals("liver.dcm", liver[0]);
        assertEquals(expected[0], liver[1], "the segment label");
        assertEquals(Long.parseLong(expected[1]), Math.round(Double.parseDouble(liver[2])), "voxels: pydicom's count");
        assertEquals(Double.parseDouble(expected[2]), Double.parseDouble(liver[3]), 1e-5, "mL: pydicom's count x voxel");
    }

    @Test
    void complianceDeidentifiesAFolderLeavingNoIdentifierAndKeepsTheReport() throws IOException {
        Path pydicomFiles = TestFiles.assumeTestdata().resolve("pydicom_testfiles/src/pydicom/data/test_files");
        Path humans = TestFiles.testdata().resolve("deid_data/deid_data/data/humans");
        Path in = Files.createDirectories(tmp.resolve("incoming"));
        copyTree(sample(), in.resolve("sample-ct"));
        Files.copy(pydicomFiles.resolve("CT_small.dcm"), in.resolve("CT_small.dcm"));
        Files.copy(pydicomFiles.resolve("MR_small.dcm"), in.resolve("MR_small.dcm"));
        copyTree(humans, in.resolve("humans"));
        Path out = tmp.resolve("release");
        Path reports = tmp.resolve("secure/reports");
        Path key = Files.createDirectories(tmp.resolve("secure")).resolve("deid.key");
        Peers.Result r = batch(home, MACROS.resolve("compliance-deidentify-folder.ijm"), "in=[" + in + "] out=[" + out
                + "] policy=research key=[" + key + "] reports=[" + reports + "]");
        assertTrue(r.stdout().contains("De-identify Folder: 44 files found, 42 written, 2 withheld, 0 quarantined; "
                + "report: " + out.resolve("deid-report.json")), r.all());
        List<Path> kept;
        try (Stream<Path> files = Files.list(reports)) {
            kept = files.sorted().toList();
        }
        assertEquals(2, kept.size(), kept.toString());
        assertTrue(kept.get(0).getFileName().toString().matches("deid-report-[0-9]{8}-[0-9]{6}\\.json"), kept.toString());
        assertEquals(Files.readString(out.resolve("deid-report.json")), Files.readString(kept.get(0)));
        assertEquals(Files.readString(out.resolve("deid-report.txt")), Files.readString(kept.get(1)));
        Peers.assumePydicom();
        Peers.Result py = Peers.runPythonWithArguments("""
                import sys, os, re, pydicom
                def files(root):
                    for d, _, names in os.walk(root):
                        for n in sorted(names):
                            yield os.path.join(d, n)
                KEYWORDS = ['PatientName', 'PatientID', 'PatientBirthDate', 'OtherPatientIDs', 'AccessionNumber',
                            'InstitutionName', 'InstitutionAddress', 'ReferringPhysicianName', 'PerformingPhysicianName',
                            'OperatorsName', 'StationName', 'DeviceSerialNumber', 'StudyInstanceUID', 'SeriesInstanceUID',
                            'SOPInstanceUID', 'FrameOfReferenceUID']
                ids = set()
                for f in files(sys.argv[1]):
                    ds = pydicom.dcmread(f, force=True)
                    for k in KEYWORDS:
                        v = ds.get(k)
                        for s in (v if isinstance(v, pydicom.multival.MultiValue) else [v]):
                            s = str(s or '').strip()
                            if len(s) >= 4:
                                ids.add(s.upper())
                                ids.add(s.replace('^', ' ').strip().upper())
                def texts(ds, path=''):
                    for e in list(ds.file_meta if hasattr(ds, 'file_meta') else []) + list(ds):
                        if e.VR == 'SQ':
                            for i, item in enumerate(e.value):
                                yield from texts(item, path + str(e.tag) + '[%d].' % i)
                        elif e.VR not in ('OB', 'OW', 'OF', 'UN') and e.tag != 0x7FE00010:
                            yield path + str(e.tag), str(e.value).upper()
                # NB: a short number is an identifier only as a number of its own: inside the 39 decimal digits of a
                # keyed pseudonym UID, a given 5-digit number turns up by chance (in about 6 % of runs with a new key)
                def found(i, text):
                    if i.isdigit() and len(i) < 10:
                        return re.search(r'(?<![0-9])' + i + r'(?![0-9])', text) is not None
                    return i in text
                outputs = 0
                for f in files(sys.argv[2]):
                    if f.endswith('.dcm'):
                        outputs += 1
                        for where, text in texts(pydicom.dcmread(f)):
                            for i in ids:
                                if found(i, text): print('LEAK', os.path.basename(f), where, i)
                    else:
                        text = open(f, encoding='utf-8', errors='replace').read().upper()
                        for i in ids:
                            if found(i, text): print('LEAK', os.path.relpath(f, sys.argv[2]), i)
                print('IDS', len(ids), 'OUTPUTS', outputs)
                """, List.of(in.toString(), out.toString()), 180);
        assertEquals(0, py.exitCode(), py.stderr());
        List<String> lines = py.stdout().strip().lines().toList();
        assertEquals(List.of(), lines.stream().filter(l -> l.startsWith("LEAK")).toList());
        String[] counts = lines.get(lines.size() - 1).split(" ");
        assertTrue(Integer.parseInt(counts[1]) >= 40, "identifiers collected from the inputs: " + counts[1]);
        assertEquals("42", counts[3], "de-identified DICOM files");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(from)) {
            walk.forEach(all::add);
        }
        for (Path p : all) {
            Path target = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(target);
            } else {
                Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                target.toFile().setWritable(true, true);
            }
        }
    }
}

package org.delineate.dicom.series;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.delineate.dicom.dict.UidRegistry;
import org.delineate.dicom.geometry.PatientCoordinates;

/**
 * Groups frames into series and splits each series into stacks that can each become one volume
 * (docs/series.md gives the rules). Stateless.
 *
 * <p>A series is the frames with one SeriesInstanceUID and SeriesNumber (frames without a
 * SeriesInstanceUID: one series per file). It
 * is split, in this order, by: SOP Class UID, Rows and Columns, ImageType (Frame Type for enhanced
 * frames), EchoNumbers, echo time, StackID, FrameOfReferenceUID, mosaic slice count, whether frames
 * have a position at all (frames without one, or whose header is unusable, make one stack per
 * instance); then by ImageOrientationPatient and PixelSpacing within {@link Tolerances}; then, where
 * positions repeat, into volumes ({@link Repetitions}).
 */
public final class SeriesAssembler {

    private SeriesAssembler() {
    }

    /** The series of {@code frames}, in the order their first frames appear. */
    public static List<Series> assemble(List<FrameHeader> frames, Tolerances tolerances) {
        Map<String, List<FrameHeader>> bySeries = new LinkedHashMap<>();
        for (FrameHeader frame : frames) {
            String uid = frame.seriesInstanceUid();
            // NB: one SeriesInstanceUID with several SeriesNumbers is an acquisition exported more than once
            // (e.g. dcm_qa_ts: the same image in nine transfer syntaxes, series 1 to 9); dcm2niix keeps them apart too.
            Integer number = frame.series() == null ? null : frame.series().seriesNumber();
            String key = uid != null ? "uid:" + uid + "#" + number : "file:" + frame.file();
            bySeries.computeIfAbsent(key, k -> new ArrayList<>()).add(frame);
        }
        List<Series> out = new ArrayList<>(bySeries.size());
        for (List<FrameHeader> seriesFrames : bySeries.values()) {
            FrameHeader first = seriesFrames.get(0);
            out.add(new Series(first.seriesInstanceUid(), first.series(), split(first.seriesInstanceUid(), seriesFrames,
                    tolerances)));
        }
        return out;
    }

    /** One part of a series on its way to a stack, with the words that may label it. */
    private record Pending(List<FrameHeader> frames, Map<String, String> labels, int group, int index, int count,
            List<String> notes) {
    }

    private static List<FrameStack> split(String seriesUid, List<FrameHeader> frames, Tolerances tolerances) {
        Map<Key, List<FrameHeader>> partitions = new LinkedHashMap<>();
        for (FrameHeader frame : frames) {
            partitions.computeIfAbsent(Key.of(frame, tolerances), k -> new ArrayList<>()).add(frame);
        }
        List<Pending> pending = new ArrayList<>();
        int group = 0;
        for (Map.Entry<Key, List<FrameHeader>> partition : partitions.entrySet()) {
            Key key = partition.getKey();
            if (key.instance() != null) {
                pending.add(new Pending(partition.getValue(), labels(key, partition.getValue().get(0)), group++, 0, 1,
                        List.of()));
                continue;
            }
            for (List<FrameHeader> cluster : clusters(partition.getValue(), tolerances)) {
                Map<String, String> labels = labels(key, cluster.get(0));
                Repetitions.Split split = Repetitions.split(cluster, tolerances);
                int count = split.volumes().size();
                for (int v = 0; v < count; v++) {
                    Map<String, String> volumeLabels = new LinkedHashMap<>(labels);
                    if (count > 1) {
                        volumeLabels.put("volume", "volume " + (v + 1) + " of " + count + split.describe(v));
                    }
                    pending.add(new Pending(split.volumes().get(v), volumeLabels, group, v, count,
                            v == 0 ? split.notes() : List.of()));
                }
                group++;
            }
        }
        dropCommonLabels(pending);
        List<FrameStack> stacks = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            String label = String.join(", ", p.labels().values());
            stacks.add(StackBuilder.build(seriesUid, p.frames(),
                    new StackBuilder.Placement(label, p.group(), p.index(), p.count(), p.notes()), tolerances));
        }
        return stacks;
    }

    /** Keeps only the label words that tell this series' stacks apart (the volume words are always kept). */
    private static void dropCommonLabels(List<Pending> pending) {
        for (String kind : List.of("type", "echo", "echo time", "stack", "orientation", "size", "spacing", "class",
                "frame of reference", "instance")) {
            long distinct = pending.stream().map(p -> p.labels().getOrDefault(kind, "")).distinct().count();
            if (distinct <= 1) {
                pending.forEach(p -> p.labels().remove(kind));
            }
        }
    }

    private static Map<String, String> labels(Key key, FrameHeader frame) {
        Map<String, String> labels = new LinkedHashMap<>();
        String className = key.sopClassUid() == null ? "" : UidRegistry.standard().nameOf(key.sopClassUid());
        labels.put("class", key.sopClassUid() == null ? "no SOP class" : className.isEmpty() ? key.sopClassUid() : className);
        labels.put("size", frame.rows() + " x " + frame.columns());
        labels.put("type", String.join("\\", frame.imageType()));
        labels.put("echo", frame.echoNumber() == null ? "" : "echo " + frame.echoNumber());
        labels.put("echo time", Double.isNaN(frame.echoTime()) ? "" : "TE " + frame.echoTime() + " ms");
        labels.put("stack", frame.stackId() == null ? "" : "stack " + frame.stackId());
        labels.put("frame of reference", frame.frameOfReferenceUid() == null ? "" : frame.frameOfReferenceUid());
        if (frame.imageOrientationPatient() != null) {
            labels.put("orientation", "normal " + PatientCoordinates.orientationLetters(
                    StackBuilder.normal(frame.imageOrientationPatient())));
        }
        if (frame.pixelSpacing() != null) {
            labels.put("spacing", frame.pixelSpacing()[0] + " x " + frame.pixelSpacing()[1] + " mm");
        }
        if (key.instance() != null) {
            labels.put("instance", "instance " + (frame.instanceNumber() == null ? key.instance() : frame.instanceNumber()));
        }
        labels.values().removeIf(String::isEmpty);
        return labels;
    }

    /** Frames with the same orientation and pixel spacing within the tolerances, greedily, in order. */
    private static List<List<FrameHeader>> clusters(List<FrameHeader> frames, Tolerances tolerances) {
        List<List<FrameHeader>> clusters = new ArrayList<>();
        for (FrameHeader frame : frames) {
            List<FrameHeader> home = null;
            for (List<FrameHeader> cluster : clusters) {
                FrameHeader representative = cluster.get(0);
                if (close(representative.imageOrientationPatient(), frame.imageOrientationPatient(), tolerances.orientation())
                        && close(representative.pixelSpacing(), frame.pixelSpacing(), tolerances.pixelSpacing())) {
                    home = cluster;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                clusters.add(home);
            }
            home.add(frame);
        }
        return clusters;
    }

    private static boolean close(double[] a, double[] b, double tolerance) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > tolerance) {
                return false;
            }
        }
        return true;
    }

    /** The discrete attributes that must be equal within a stack. */
    private record Key(String sopClassUid, int rows, int columns, List<String> imageType, Integer echoNumber, Long echoBin,
            String stackId, String frameOfReferenceUid, int mosaicSlices, String instance) {

        static Key of(FrameHeader f, Tolerances tolerances) {
            double te = f.echoTime();
            Long echoBin = Double.isNaN(te) ? null : Math.round(te / Math.max(tolerances.echoTime(), 1e-9));
            // NB: frames that cannot be placed (no position, or an unusable header) make one stack per instance.
            String instance = f.hasGeometry() && f.problem() == null ? null
                    : f.sopInstanceUid() != null ? f.sopInstanceUid() : f.file().toString();
            return new Key(f.sopClassUid(), f.rows(), f.columns(), f.imageType(), f.echoNumber(), echoBin, f.stackId(),
                    f.frameOfReferenceUid(), f.mosaic() == null ? 0 : f.mosaic().numberOfSlices(), instance);
        }

        // NB: written out instead of the record's own: those are bootstrapped through method handles, which a new JVM
        // runs interpreted for every frame of a scan (a tenth of the series assembly's CPU for 500 slices).
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && rows == k.rows && columns == k.columns && mosaicSlices == k.mosaicSlices
                    && Objects.equals(sopClassUid, k.sopClassUid) && Objects.equals(imageType, k.imageType)
                    && Objects.equals(echoNumber, k.echoNumber) && Objects.equals(echoBin, k.echoBin)
                    && Objects.equals(stackId, k.stackId) && Objects.equals(frameOfReferenceUid, k.frameOfReferenceUid)
                    && Objects.equals(instance, k.instance);
        }

        @Override
        public int hashCode() {
            int h = Objects.hashCode(sopClassUid);
            h = 31 * h + rows;
            h = 31 * h + columns;
            h = 31 * h + Objects.hashCode(imageType);
            h = 31 * h + Objects.hashCode(echoNumber);
            h = 31 * h + Objects.hashCode(echoBin);
            h = 31 * h + Objects.hashCode(stackId);
            h = 31 * h + Objects.hashCode(frameOfReferenceUid);
            h = 31 * h + mosaicSlices;
            return 31 * h + Objects.hashCode(instance);
        }
    }
}

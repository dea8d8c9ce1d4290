package org.delineate.dicom.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.delineate.dicom.series.FrameStack;
import org.delineate.dicom.series.ScanOptions;
import org.delineate.dicom.series.ScanResult;
import org.delineate.dicom.series.Series;
import org.delineate.dicom.series.SeriesScanner;

/**
 * The one image stack a {@code seg} command's {@code --source} folder must hold: its files are scanned
 * (segmentations and other non-image instances in it are passed over), and exactly one usable 3D stack is
 * accepted. Messages name series by number and description, never by patient data.
 */
final class SourceSeries {

    private SourceSeries() {
    }

    /**
     * The single usable stack under {@code folder}.
     *
     * @throws IOException naming the folder when it holds no image stack, more than one, or one that cannot be a volume
     */
    static FrameStack stack(Path folder, int threads) throws IOException, InterruptedException {
        if (!Files.exists(folder)) {
            throw new IOException(folder + ": no such file or folder");
        }
        ScanResult scan = new SeriesScanner(new ScanOptions(threads)).scan(List.of(folder));
        List<String> names = new ArrayList<>();
        List<FrameStack> stacks = new ArrayList<>();
        for (Series s : scan.series()) {
            for (FrameStack stack : s.stacks()) {
                stacks.add(stack);
                Integer number = s.info().seriesNumber();
                String description = s.info().seriesDescription();
                names.add("series " + (number == null ? "(no number)" : number)
                        + (description == null ? "" : " '" + description + "'")
                        + (stack.label().isEmpty() ? "" : " (" + stack.label() + ")"));
            }
        }
        if (stacks.isEmpty()) {
            throw new IOException(folder + ": no DICOM image series to use as the source (" + scan.nonImages().size()
                    + " non-image instances, " + scan.unreadable().size() + " unreadable files)");
        }
        if (stacks.size() > 1) {
            throw new IOException(folder + ": holds " + stacks.size() + " image stacks (" + String.join(", ", names)
                    + "); give a folder with the one series the segmentation is drawn on");
        }
        FrameStack stack = stacks.get(0);
        if (!stack.usable()) {
            throw new IOException(folder + ": " + names.get(0) + " cannot be a volume: " + stack.refusal());
        }
        return stack;
    }

    /** "columns x rows x slices" of a stack. */
    static String shape(FrameStack stack) {
        return stack.columns() + " x " + stack.rows() + " x " + stack.slices();
    }
}

package org.delineate.annotation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.delineate.dicom.data.DataSet;
import org.delineate.dicom.io.DicomFile;
import org.delineate.dicom.io.DicomWriter;
import org.delineate.dicom.io.TransferSyntax;
import org.delineate.dicom.io.WriteOptions;
import org.delineate.dicom.sample.CtPhantom;
import org.delineate.dicom.series.ScanOptions;
import org.delineate.dicom.series.SeriesScanner;
import org.delineate.dicom.series.StackVolumes;
import org.delineate.dicom.volume.Volume;

/** Test support: the CT phantom written as DICOM files into a folder and opened as a volume, as users open series. */
public final class PhantomVolumes {

    private PhantomVolumes() {
    }

    /** Writes the phantom's slices into {@code folder} (created) and reads them back as one volume. */
    public static Volume write(CtPhantom phantom, Path folder) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        DicomWriter writer = new DicomWriter(WriteOptions.fresh(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        for (int k = 0; k < phantom.slices(); k++) {
            DataSet slice = phantom.slice(k);
            writer.write(DicomFile.of(slice, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), folder.resolve(k + ".dcm"));
        }
        var stack = new SeriesScanner(ScanOptions.defaults()).scan(List.of(folder)).series().get(0).stacks().get(0);
        return StackVolumes.read(stack, 2);
    }
}

// Delineate example for researchers: the volume of every segment of a folder of DICOM-SEG files, into one CSV.
//
// Each SEG is loaded onto the DICOM series it references (found in the images folder), its segments are measured
// (Measure Segments) and one CSV row per segment is written. Needs no display:
//   ImageJ -batch researcher-seg-volumes.ijm "segs=/data/segs images=/data/dicom out=/data/volumes.csv"
// Argument keys (values with spaces in [brackets]); without an argument it asks for the folders:
//   segs=    a folder of DICOM-SEG files (*.dcm; subfolders are not searched)
//   images=  a folder (searched with its subfolders) holding the DICOM series the SEGs were drawn on
//   out=     the CSV to write (default: seg-volumes.csv in the segs folder)
// CSV columns: file, segment, voxels, volume_ml, mean, sd, min, max (modality values, HU for CT),
// longest_diameter_mm, perpendicular_mm.

args = getArgument();
if (args == "") {
    segs = getDirectory("Folder of DICOM-SEG files");
    images = getDirectory("Folder of their DICOM series");
    out = "";
} else {
    segs = option(args, "segs", "");
    images = option(args, "images", "");
    out = option(args, "out", "");
}
if (segs == "" || images == "")
    exit("Give segs=<folder of DICOM-SEG files> and images=<folder of their DICOM series>.");
if (!endsWith(segs, File.separator))
    segs = segs + File.separator;
if (out == "")
    out = segs + "seg-volumes.csv";

setBatchMode(true);
csv = "file,segment,voxels,volume_ml,mean,sd,min,max,longest_diameter_mm,perpendicular_mm";
files = getFileList(segs);
loaded = 0;
rows = 0;
for (i = 0; i < files.length; i++) {
    if (!endsWith(toLowerCase(files[i]), ".dcm"))
        continue;
    run("Load Annotation", "path=[" + segs + files[i] + "] source=[" + images + "]");
    run("Measure Segments");
    for (r = 0; r < nResults; r++) {
        csv = csv + "\n" + field(files[i]) + "," + field(getResultString("Segment", r)) + "," + getResult("Voxels", r)
            + "," + d2s(getResult("Volume (mL)", r), 6) + "," + d2s(getResult("Mean", r), 3) + ","
            + d2s(getResult("SD", r), 3) + "," + d2s(getResult("Min", r), 3) + "," + d2s(getResult("Max", r), 3) + ","
            + d2s(getResult("Longest diameter (mm)", r), 3) + "," + d2s(getResult("Perpendicular (mm)", r), 3);
        rows++;
    }
    close();
    loaded++;
}
// Written under a temporary name and renamed, so a reader never sees half a table.
File.saveString(csv + "\n", out + ".part");
if (File.exists(out))
    deleted = File.delete(out);
renamed = File.rename(out + ".part", out);
print(loaded + " segmentations, " + rows + " segments: " + out);

// The value of a key of the macro's argument, or the fallback.
function option(args, key, fallback) {
    return call("ij.Macro.getValue", args, key, fallback);
}

// A CSV field, quoted when it holds a comma, a quote or a line break.
function field(s) {
    if (indexOf(s, ",") < 0 && indexOf(s, "\"") < 0 && indexOf(s, "\n") < 0)
        return s;
    return "\"" + replace(s, "\"", "\"\"") + "\"";
}

// Delineate example for radiologists: open a study, segment a lesion, measure it, save it as DICOM-SEG.
//
// Run it from Plugins > Macros > Run... (no argument: the sample study, the SEG into ImageJ's temp folder), or
// without the ImageJ window:  ImageJ -batch radiologist-segment-lesion.ijm "out=/data/out/lesion.dcm"
// Argument keys (all optional; values with spaces in [brackets]):
//   folder=  the DICOM study to open (default: the sample study)
//   series=  which series of the folder, 1-based as in the series browser (default 1)
//   x= y= z= the lesion's centre in voxels, 0-based (default: the sample's lesion, 87.5 59.5 19)
//   radius=  the sphere brush radius in mm, larger than the lesion (default 20)
//   low= high=  the lesion's intensity range in HU: only voxels in it are painted (default 80 120)
//   out=     the DICOM-SEG to write (default: lesion-seg.dcm in ImageJ's temp folder)

args = getArgument();
folder = option(args, "folder", "");
series = option(args, "series", "1");
x = parseFloat(option(args, "x", "87.5"));
y = parseFloat(option(args, "y", "59.5"));
z = parseFloat(option(args, "z", "19"));
radius = parseFloat(option(args, "radius", "20"));
low = parseFloat(option(args, "low", "80"));
high = parseFloat(option(args, "high", "120"));
out = option(args, "out", getDirectory("temp") + "lesion-seg.dcm");

if (folder == "")
    run("Open Sample Study");
else
    run("Open DICOM Series", "folder=[" + folder + "] series=" + series);
run("Window Preset", "preset=soft_tissue");
setSlice(z + 1);

// Segment: a sphere brush limited to the lesion's intensities, centred on the lesion.
run("Delineate Macro Functions");
Ext.addSegment("Mass");
Ext.setBrushRadius(radius);
Ext.setIntensityRange(low, high);
Ext.paintSphere(x, y, z);
Ext.addLandmark("lesion centre", x, y, z);

// Measure: one row per segment in the Results table.
run("Measure Segments");
print("Mass: " + d2s(getResult("Volume (mL)", 0), 2) + " mL, mean " + d2s(getResult("Mean", 0), 1) + " HU, longest"
    + " diameter " + d2s(getResult("Longest diameter (mm)", 0), 1) + " mm x " + d2s(getResult("Perpendicular (mm)", 0), 1)
    + " mm on slice " + getResult("Slice", 0));

// Save: the DICOM-SEG is validated first; a problem stops the macro with the reasons.
run("Save Annotation", "path=[" + out + "] format=seg type=binary");
print("saved " + out);

// The value of a key of the macro's argument, or the fallback.
function option(args, key, fallback) {
    return call("ij.Macro.getValue", args, key, fallback);
}

// Delineate example for compliance officers: de-identify a folder of DICOM and NIfTI files and keep the report.
//
// Runs De-identify Folder (the same engine and report as `./delineate deid`), then files a copy of the report,
// stamped with the date and time, in a reports folder kept apart from the released data. Needs no display:
//   ImageJ -batch compliance-deidentify-folder.ijm "in=/data/incoming out=/data/release policy=research key=/secure/deid.key reports=/secure/reports"
// Argument keys (values with spaces in [brackets]); without an argument it asks for the folders:
//   in=       the folder to de-identify (only read)
//   out=      the output folder: de-identified files, deid-report.json/.txt, journal
//   policy=   basic, research, tcia or a policy JSON file (default research)
//   key=      the secret key file, created when missing; keep it safe and never with the output
//   lookup=   optional CSV of patient pseudonyms (PatientID, NewPatientID, ...)
//   reports=  where the report copies are kept (default: the folder holding the key file)
// Before releasing, go through docs/deid-checklist.md with the report.

args = getArgument();
if (args == "") {
    in = getDirectory("Folder to de-identify");
    out = getDirectory("Output folder (empty or a previous run's)");
    key = File.openDialog("Key file (a new one is created if you name a missing file)");
    policy = "research";
    lookup = "";
    reports = "";
} else {
    in = option(args, "in", "");
    out = option(args, "out", "");
    policy = option(args, "policy", "research");
    key = option(args, "key", "");
    lookup = option(args, "lookup", "");
    reports = option(args, "reports", "");
}
if (in == "" || out == "" || key == "")
    exit("Give in=<folder>, out=<folder> and key=<key file>.");
if (reports == "")
    reports = File.getParent(key);
if (!endsWith(out, File.separator))
    out = out + File.separator;
if (!endsWith(reports, File.separator))
    reports = reports + File.separator;

options = "in=[" + in + "] out=[" + out + "] policy=[" + policy + "] key=[" + key + "]";
if (lookup != "")
    options = options + " lookup=[" + lookup + "]";
run("De-identify Folder", options);

// Keep the report: a stamped copy of both forms, apart from the data that will be released.
getDateAndTime(year, month, dayOfWeek, day, hour, minute, second, msec);
stamp = "" + year + IJ.pad(month + 1, 2) + IJ.pad(day, 2) + "-" + IJ.pad(hour, 2) + IJ.pad(minute, 2) + IJ.pad(second, 2);
File.makeDirectory(reports);
kept = newArray("deid-report.txt", "deid-report.json");
for (i = 0; i < kept.length; i++) {
    if (!File.exists(out + kept[i]))
        exit("De-identify Folder left no " + kept[i] + " in " + out);
    copy = reports + replace(kept[i], "deid-report", "deid-report-" + stamp);
    File.copy(out + kept[i], copy);
    print("report kept: " + copy);
}

// The value of a key of the macro's argument, or the fallback.
function option(args, key, fallback) {
    return call("ij.Macro.getValue", args, key, fallback);
}


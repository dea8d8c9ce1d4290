package org.delineate.plugins;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.IJ;
import ij.Macro;
import ij.gui.GenericDialog;

import org.delineate.plugins.command.CommandDoc;
import org.delineate.plugins.command.Documented;
import org.delineate.plugins.command.MacroOptions;
import org.delineate.privacy.policy.PolicySource;
import org.delineate.privacy.pseudonym.KeyFile;
import org.delineate.privacy.pseudonym.KeyedPseudonyms;
import org.delineate.privacy.pseudonym.LookupTable;
import org.delineate.privacy.run.DeidRunner;
import org.delineate.privacy.run.RunOptions;
import org.delineate.privacy.run.RunSummary;

/**
 * {@code Plugins > Delineate > De-identify Folder}: de-identifies a folder of DICOM and NIfTI files with the
 * privacy module's {@link DeidRunner}, as {@code delineate deid} does (the same policy digest, so either resumes
 * the other's run), showing progress in ImageJ's progress bar and writing the report into the output folder.
 * Messages name counts and the report, never an input file or a value.
 */
public final class DeidentifyFolder implements Documented {

    static final String COMMAND = "De-identify Folder";

    static final CommandDoc DOC = CommandDoc.of(COMMAND)
            .description("""
                    De-identifies a folder of DICOM and NIfTI files (PS3.15 Annex E with keyed pseudonyms), exactly as
                    `./delineate deid` does ([command-line.md](command-line.md#deid); what is changed, kept and withheld:
                    [deid-profile.md](deid-profile.md)). The input is only read; the output folder gets the de-identified
                    files named from their new UIDs, the report `deid-report.json` and `deid-report.txt`, and the journal.
                    Running it again with the same keys resumes an interrupted run, also one started on the command
                    line. Progress shows in ImageJ's progress bar; at the end a summary (counts and the report's path,
                    never a file name or value) is shown, or printed to the log in a macro. When the verification pass
                    finds an original identifier in an output, that patient's files are withheld and the command fails
                    (a macro stops), as the command line exits with 3.""")
            .headless(CommandDoc.Headless.WITH_KEYS)
            .required("in", "the folder to de-identify, searched recursively; never modified")
            .required("out", "the output folder, created if needed; not inside `in` nor containing it")
            .required("policy", "a preset (`basic`, `research`, `tcia`) or a policy JSON file")
            .required("key", "the secret key file of the pseudonyms, created when missing (the log says so); keep it "
                    + "safe and never with the output")
            .optional("lookup", "a CSV table of patient pseudonyms (`PatientID`, `NewPatientID`, optionally "
                    + "`NewPatientName`, `DateShiftDays`); files of patients missing from it are withheld", "")
            .flag("lookup_fallback", "with `lookup`: give patients missing from the table keyed pseudonyms instead")
            .optional("mappings", "a folder for the re-identification tables `uid_mapping.csv` and "
                    + "`patid_mapping.csv` (as `--mappings` of the command line): SENSITIVE, they undo the "
                    + "pseudonymisation; outside `in` and `out`, created if needed", "")
            .example("run(\"De-identify Folder\", \"in=[/data/incoming] out=[/data/release] policy=research "
                    + "key=[/secure/deid.key]\");")
            .build();

    @Override
    public CommandDoc doc() {
        return DOC;
    }

    /** What to run, from the macro options or the dialog. */
    private record Request(Path in, Path out, String policy, Path key, String lookup, boolean lookupFallback,
            String mappings) {
    }

    @Override
    public void run(String arg) {
        String options = Macro.getOptions();
        try {
            Request r;
            if (options != null) {
                MacroOptions o = MacroOptions.of(DOC, options);
                r = new Request(Path.of(o.text("in")), Path.of(o.text("out")), o.text("policy"), Path.of(o.text("key")),
                        o.text("lookup"), o.flag("lookup_fallback"), o.text("mappings"));
            } else {
                r = ask();
                if (r == null) {
                    return;
                }
            }
            RunSummary s = run(r);
            String summary = s.total() + " files found, " + s.written() + " written, " + s.withheld() + " withheld, "
                    + s.quarantined() + " quarantined" + (s.skipped() > 0 ? " (" + s.skipped() + " done by an earlier "
                            + "run)" : "") + "; report: " + s.report();
            if (!s.verified()) {
                Commands.fail(COMMAND, summary + "; VERIFICATION FAILED: original identifiers were found in outputs, "
                        + "so the " + s.verificationWithheld() + " files of those " + s.verificationPatients()
                        + " patients are withheld (reasons in the report)");
            } else if (options != null || GraphicsEnvironment.isHeadless()) {
                IJ.log(COMMAND + ": " + summary);
            } else {
                IJ.showMessage(COMMAND, summary.replace("; report: ", "\nReport: ")
                        + "\nCheck the report before releasing (docs/deid-checklist.md).");
            }
        } catch (IOException | IllegalArgumentException e) {
            Commands.fail(COMMAND, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Commands.fail(COMMAND, "interrupted; run it again with the same keys to resume");
        }
    }

    private static RunSummary run(Request r) throws IOException, InterruptedException {
        if (!Files.isDirectory(r.in())) {
            throw new IllegalArgumentException("in=" + r.in() + " is not a folder");
        }
        PolicySource policy;
        try {
            policy = PolicySource.of(r.policy());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("policy=" + r.policy() + ": " + e.getMessage());
        }
        KeyFile key = KeyFile.loadOrCreate(r.key());
        if (key.created()) {
            IJ.log(COMMAND + ": created a new key in " + r.key() + ": keep it safe, apart from the output; without it "
                    + "the pseudonyms cannot be reproduced");
        }
        String version = DeidentifyFolder.class.getPackage().getImplementationVersion();
        RunOptions options = RunOptions.of(r.in(), r.out(), policy.policy(), policy.digest(), KeyedPseudonyms.of(key))
                .withJobs(Commands.threads()).withToolVersion(version == null ? "development" : version)
                .withMappings(r.mappings().isEmpty() ? null : Path.of(r.mappings()));
        if (!r.lookup().isEmpty()) {
            options = options.withLookup(LookupTable.read(Path.of(r.lookup())), r.lookupFallback());
        } else if (r.lookupFallback()) {
            throw new IllegalArgumentException("lookup_fallback needs lookup=<CSV table>");
        }
        IJ.showStatus(COMMAND + " ...");
        RunSummary summary = DeidRunner.run(options, (done, total, elapsed, finished) -> {
            IJ.showProgress(finished ? 1.0 : total == 0 ? 0 : (double) done / total);
            IJ.showStatus(COMMAND + ": " + done + " of " + total + " files");
        });
        IJ.showStatus("");
        return summary;
    }

    /** The dialog (ImageJ records its fields as the macro keys). */
    private static Request ask() {
        if (Commands.failHeadless(COMMAND)) {
            return null;
        }
        GenericDialog gd = new GenericDialog(COMMAND);
        gd.addStringField("in", "", 40);
        gd.addStringField("out", "", 40);
        gd.addStringField("policy", "basic", 40);
        gd.addStringField("key", "", 40);
        gd.addStringField("lookup", "", 40);
        gd.addCheckbox("lookup_fallback", false);
        gd.addStringField("mappings", "", 40);
        gd.addMessage("in: the folder to de-identify (only read); out: the output folder\n"
                + "policy: basic, research, tcia or a policy JSON file\n"
                + "key: the secret key file (created when missing; keep it apart from the output)\n"
                + "lookup: optional CSV of patient pseudonyms\n"
                + "mappings: optional folder for the re-identification tables (sensitive; not in or out)");
        gd.showDialog();
        if (gd.wasCanceled()) {
            return null;
        }
        Path in = Path.of(gd.getNextString().trim());
        Path out = Path.of(gd.getNextString().trim());
        String policy = gd.getNextString().trim();
        Path key = Path.of(gd.getNextString().trim());
        String lookup = gd.getNextString().trim();
        String mappings = gd.getNextString().trim();
        return new Request(in, out, policy, key, lookup, gd.getNextBoolean(), mappings);
    }
}

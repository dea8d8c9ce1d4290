package org.delineate.privacy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.delineate.privacy.pixels.RedactionRules;
import org.delineate.privacy.policy.PolicySource;
import org.delineate.privacy.pseudonym.KeyFile;
import org.delineate.privacy.pseudonym.KeyedPseudonyms;
import org.delineate.privacy.pseudonym.LookupTable;
import org.delineate.privacy.run.DeidRunner;
import org.delineate.privacy.run.JournalMismatchException;
import org.delineate.privacy.run.ProgressBar;
import org.delineate.privacy.run.RunOptions;
import org.delineate.privacy.run.RunSummary;

import org.delineate.dicom.cli.CliCommand;
import org.delineate.dicom.cli.Invocation;
import org.delineate.dicom.cli.Syntax;
import org.delineate.dicom.cli.UsageException;

/**
 * {@code delineate deid --in DIR --out DIR --policy basic|research|tcia|FILE.json --key KEYFILE [--lookup CSV]
 * [--mappings DIR] [--jobs N]}: de-identifies a folder of DICOM and NIfTI files with {@link DeidRunner}. The
 * input is only read; the output gets one file per released input (named from pseudonym UIDs), the report and the
 * journal; the optional mapping tables go to their own folder. Messages on stderr never name an input file or hold
 * a value.
 *
 * <p>Exit 0 when every input file was processed (written, withheld or quarantined: see the report) and the
 * verification pass found no original identifier in any output; 1 when the run could not finish (an output could
 * not be written, a key, policy, rules or lookup file could not be read, or the output folder belongs to a run with
 * another key or policy); 2 on a usage error; 3 when the verification pass withheld files (their patients'
 * outputs held an original identifier: see the report).
 */
public final class DeidCommand implements CliCommand {

    private static final String NAME = "delineate deid";

    private static final Syntax SYNTAX = Syntax.command("deid",
            "De-identify a folder of DICOM and NIfTI files (PS3.15 Annex E, keyed pseudonyms).",
            "Outputs are named from the new UIDs: OUT/<StudyInstanceUID>/<SeriesInstanceUID>/<SOPInstanceUID>.dcm, "
                    + "OUT/nifti/<id>.nii.gz and its BIDS sidecar OUT/nifti/<id>.json; the report is "
                    + "OUT/deid-report.json and OUT/deid-report.txt. Run again with the same arguments to resume an "
                    + "interrupted run.",
            "Every output is verified: if it still holds an identifier of its input, all files of that patient are "
                    + "withheld and the exit code is 3.")
            .required("--in", "DIR", "the folder to de-identify (searched recursively; never modified)")
            .required("--out", "DIR", "the output folder (created if needed; must not be inside the input folder)")
            .required("--policy", "POLICY", "a preset (basic, research, tcia) or a policy JSON file "
                    + "(docs/deid-profile.md)")
            .required("--key", "KEYFILE", "the secret key file, created on first use; keep it safe and never with "
                    + "the output")
            .option("--lookup", "CSV", "a table of patient pseudonyms (PatientID, NewPatientID[, NewPatientName, "
                    + "DateShiftDays]); files of patients not in it are withheld")
            .flag("--lookup-fallback", "give patients missing from the --lookup table keyed pseudonyms instead of "
                    + "withholding their files")
            .repeatable("--rules", "FILE", "burned-in text redaction rules, added to the defaults "
                    + "(docs/deid-pixels.md); may be repeated")
            .option("--mappings", "DIR", "also write uid_mapping.csv and patid_mapping.csv (id_old,id_new) into DIR: "
                    + "SENSITIVE, they re-identify the output; DIR must be outside --in and --out")
            .option("--jobs", "N", "files processed at once (default: the number of processors)")
            .hidden("--stop-after", "N", "testing: stop after N files");

    @Override
    public Syntax syntax() {
        return SYNTAX;
    }

    @Override
    public int run(Invocation call) {
        Path input = call.path("--in");
        Path output = call.path("--out");
        String policy = call.string("--policy");
        Path key = call.path("--key");
        Path lookup = call.path("--lookup");
        boolean lookupFallback = call.flag("--lookup-fallback");
        List<Path> rules = call.paths("--rules");
        Path mappings = call.path("--mappings");
        int jobs = call.integer("--jobs", Runtime.getRuntime().availableProcessors());
        int stopAfter = call.integer("--stop-after", 0);
        PrintWriter err = call.err();
        try {
            if (jobs < 1) {
                throw new UsageException("--jobs must be at least 1, not " + jobs);
            }
            if (stopAfter < 0) {
                throw new UsageException("--stop-after must be 0 or more");
            }
            if (!Files.isDirectory(input)) {
                throw new UsageException("--in " + input + ": not a folder");
            }
            PolicySource chosen;
            try {
                chosen = PolicySource.of(policy);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--policy " + policy + ": " + e.getMessage());
            }
            KeyFile keyFile = KeyFile.loadOrCreate(key);
            if (keyFile.created()) {
                err.println(NAME + ": created a new key in " + key + ": keep it safe, apart from the output; "
                        + "without it the pseudonyms cannot be reproduced");
            }
            RedactionRules redaction = RedactionRules.defaults();
            for (Path file : rules) {
                redaction = redaction.extendedWith(RedactionRules.read(file));
            }
            String version = DeidCommand.class.getPackage().getImplementationVersion();
            RunOptions options = RunOptions.of(input, output, chosen.policy(), chosen.digest(), KeyedPseudonyms.of(keyFile))
                    .withRedactionRules(redaction).withJobs(jobs).withStopAfter(stopAfter)
                    .withToolVersion(version == null ? "development" : version).withMappings(mappings);
            if (lookup != null) {
                options = options.withLookup(LookupTable.read(lookup), lookupFallback);
            } else if (lookupFallback) {
                throw new UsageException("--lookup-fallback needs --lookup");
            }
            RunSummary s = DeidRunner.run(options, ProgressBar.on(err));
            err.println(NAME + ": " + s.total() + " files found, " + s.written() + " written, " + s.withheld()
                    + " withheld, " + s.quarantined() + " quarantined" + (s.skipped() > 0 ? " (" + s.skipped()
                    + " done by an earlier run)" : "") + "; report: " + s.report());
            if (!s.complete()) {
                err.println(NAME + ": stopped before every file was done; run the same command again to resume");
                return 1;
            }
            if (!s.verified()) {
                err.println(NAME + ": VERIFICATION FAILED: original identifiers were found in de-identified outputs; "
                        + "the " + s.verificationWithheld() + " files of those " + s.verificationPatients()
                        + " patients are withheld (reasons in the report)");
                return 3;
            }
            return 0;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (JournalMismatchException e) {
            return fail(err, e.getMessage());
        } catch (IOException e) {
            return fail(err, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(err, "interrupted; run the same command again to resume");
        } finally {
            err.flush();
        }
    }

    private static int fail(PrintWriter err, String message) {
        err.println(NAME + ": " + message);
        return 1;
    }
}

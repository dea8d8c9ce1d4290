package org.delineate.privacy.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.delineate.dicom.io.AtomicFiles;
import org.delineate.privacy.profile.ConfidentialityProfile;
import org.delineate.privacy.profile.ProfileOption;
import org.delineate.privacy.verify.ReferenceCheck;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes the report of a run into the output folder: {@value #JSON} (format {@code delineate-deid-report}
 * version 1, see docs/deid-profile.md) and {@value #TEXT} (the same for a human reader), plus one note per
 * withheld or quarantined input in {@code withheld/} and {@code quarantine/} ({@code <input id>.txt}: the
 * opaque id and the reason; never a copy of the file). File counts cover the whole output folder, earlier
 * interrupted invocations included; action counts cover the files processed by this invocation. Nothing
 * written names an input file or holds a value: inputs are named by their keyed opaque ids.
 */
final class RunReport {

    static final String JSON = "deid-report.json";
    static final String TEXT = "deid-report.txt";

    private RunReport() {
    }

    static RunSummary write(Path out, RunOptions options, Journal journal, ActionCounts counts,
            ReferenceCheck.Result references, Instant started, Instant finished, long total, long skipped,
            boolean complete) throws IOException {
        long[] tally = new long[3];
        long[] verification = new long[1];
        Set<String> verificationPatients = new HashSet<>();
        Path quarantine = out.resolve("quarantine");
        Path withheld = out.resolve("withheld");
        StringWriter problems = new StringWriter();
        PrintWriter problemLines = new PrintWriter(problems);
        Path json = out.resolve(JSON);
        List<ActionCounts.Row> rows = counts.rows();
        AtomicFiles.write(json, stream -> {
            try (JsonGenerator g = new JsonFactory().createGenerator(nonClosing(stream), JsonEncoding.UTF8)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeStringField("format", "delineate-deid-report");
                g.writeNumberField("version", 1);
                g.writeStringField("tool", "delineate " + options.toolVersion());
                g.writeStringField("started", started.toString());
                g.writeStringField("finished", finished.toString());
                g.writeBooleanField("complete", complete);
                g.writeObjectFieldStart("profile");
                g.writeStringField("table", "DICOM PS3.15 Table E.1-1");
                g.writeStringField("edition", ConfidentialityProfile.standard().edition());
                g.writeEndObject();
                g.writeObjectFieldStart("policy");
                g.writeStringField("name", options.policy().name());
                g.writeStringField("description", options.policy().description());
                g.writeStringField("digest", options.policyDigest());
                g.writeArrayFieldStart("options");
                for (ProfileOption o : options.policy().options()) {
                    g.writeStartObject();
                    g.writeStringField("name", o.jsonName());
                    g.writeStringField("code", o.codeValue() + " (DCM, \"" + o.codeMeaning() + "\")");
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeObjectFieldStart("key");
                g.writeStringField("fingerprint", options.keyed().keyFingerprint());
                g.writeStringField("lookupTable", options.lookup() == null ? "none"
                        : options.lookup().size() + " patients, " + (options.lookupFallback()
                                ? "others keyed" : "others withheld"));
                g.writeEndObject();
                g.writeNumberField("jobs", options.jobs());
                g.writeArrayFieldStart("withheld");
                journal.forEachLatest(o -> {
                    try {
                        note(o, quarantine, withheld);
                        tally[o.kind().ordinal()]++;
                        if (o.kind() == Outcome.Kind.WITHHELD && o.detail().startsWith(Outputs.VERIFICATION)) {
                            verification[0]++;
                            verificationPatients.add(o.patient());
                        }
                        if (o.kind() != Outcome.Kind.WRITTEN) {
                            g.writeStartObject();
                            g.writeStringField("input", o.inputId());
                            g.writeStringField("outcome", o.kind().name());
                            g.writeStringField("reason", o.detail());
                            g.writeEndObject();
                            problemLines.println("  " + o.kind() + " " + o.inputId() + ": " + o.detail());
                        }
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                g.writeEndArray();
                g.writeObjectFieldStart("files");
                g.writeNumberField("found", total);
                g.writeNumberField("written", tally[0]);
                g.writeNumberField("withheld", tally[1]);
                g.writeNumberField("quarantined", tally[2]);
                g.writeNumberField("skippedAsDoneBefore", skipped);
                g.writeEndObject();
                g.writeObjectFieldStart("verification");
                g.writeBooleanField("passed", verification[0] == 0);
                g.writeNumberField("filesWithheld", verification[0]);
                g.writeNumberField("patientsWithheld", verificationPatients.size());
                g.writeEndObject();
                g.writeObjectFieldStart("references");
                g.writeNumberField("outputsChecked", references.outputs());
                g.writeNumberField("checked", references.checked());
                g.writeNumberField("resolved", references.checked() - references.dangling());
                g.writeNumberField("dangling", references.dangling());
                g.writeNumberField("outputsWithDangling", references.outputsWithDangling());
                g.writeArrayFieldStart("byAttribute");
                for (ReferenceCheck.Row row : references.rows()) {
                    g.writeStartObject();
                    g.writeStringField("path", row.path());
                    g.writeStringField("keyword", row.keyword());
                    g.writeNumberField("checked", row.checked());
                    g.writeNumberField("dangling", row.dangling());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeArrayFieldStart("actionsThisRun");
                for (ActionCounts.Row r : rows) {
                    g.writeStartObject();
                    g.writeStringField("path", r.path());
                    g.writeStringField("keyword", r.keyword());
                    g.writeStringField("action", r.action());
                    g.writeStringField("rule", r.rule());
                    g.writeNumberField("count", r.count());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
        });
        AtomicFiles.write(out.resolve(TEXT), stream -> {
            PrintWriter w = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            w.println("Delineate de-identification report (no patient data; details in " + JSON + ")");
            w.println("tool:        delineate " + options.toolVersion());
            w.println("run:         " + started + " to " + finished + (complete ? "" : " (INCOMPLETE: run again)"));
            w.println("profile:     DICOM PS3.15 Table E.1-1, edition " + ConfidentialityProfile.standard().edition());
            w.println("policy:      " + options.policy().name() + " (" + options.policyDigest() + ")");
            w.println("options:     " + (options.policy().options().isEmpty() ? "none (Basic Profile only)"
                    : String.join(", ", options.policy().options().stream().map(ProfileOption::codeMeaning).toList())));
            w.println("key:         fingerprint " + options.keyed().keyFingerprint());
            w.println(String.format(Locale.ROOT, "files:       %d found, %d written, %d withheld, %d quarantined "
                    + "(%d done by an earlier invocation)", total, tally[0], tally[1], tally[2], skipped));
            w.println("verification: " + (verification[0] == 0 ? "passed (no original identifier found in any output)"
                    : "FAILED: " + verification[0] + " files of " + verificationPatients.size() + " patients withheld "
                    + "(an output held an original identifier; see the reasons below)"));
            w.println(String.format(Locale.ROOT, "references:  %d checked in %d DICOM outputs, %d resolve inside the "
                    + "output, %d dangling (in %d outputs)", references.checked(), references.outputs(),
                    references.checked() - references.dangling(), references.dangling(),
                    references.outputsWithDangling()));
            for (ReferenceCheck.Row row : references.rows()) {
                if (row.dangling() > 0) {
                    w.println("  dangling " + row.path() + " " + row.keyword() + ": " + row.dangling() + " of "
                            + row.checked());
                }
            }
            if (tally[1] + tally[2] > 0) {
                w.println("not released (input ids are keyed hashes of the input paths):");
                w.print(problems);
            }
            w.println("actions of this invocation (attribute path, keyword, action, rule: count):");
            for (ActionCounts.Row r : rows) {
                w.println("  " + r.path() + (r.keyword().isEmpty() ? "" : " " + r.keyword()) + " " + r.action()
                        + " (" + r.rule() + "): " + r.count());
            }
            w.flush();
        });
        return new RunSummary(total, tally[0], tally[1], tally[2], skipped, complete, verification[0],
                verificationPatients.size(), references.dangling(), json);
    }

    /** Keeps the note of a not-released input in its folder, and none for an input written since. */
    private static void note(Outcome o, Path quarantine, Path withheld) throws IOException {
        Path q = quarantine.resolve(o.inputId() + ".txt");
        Path w = withheld.resolve(o.inputId() + ".txt");
        switch (o.kind()) {
            case WRITTEN -> {
                Files.deleteIfExists(q);
                Files.deleteIfExists(w);
            }
            case WITHHELD, QUARANTINED -> {
                Path target = o.kind() == Outcome.Kind.WITHHELD ? w : q;
                Files.createDirectories(target.getParent());
                byte[] text = ("input " + o.inputId() + "\n" + o.kind() + ": " + o.detail() + "\n")
                        .getBytes(StandardCharsets.UTF_8);
                AtomicFiles.write(target, s -> s.write(text));
                Files.deleteIfExists(o.kind() == Outcome.Kind.WITHHELD ? q : w);
            }
            default -> throw new IllegalStateException("unknown outcome " + o.kind());
        }
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}

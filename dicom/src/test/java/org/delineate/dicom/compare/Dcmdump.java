package org.delineate.dicom.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dcmtk's {@code dcmdump} as an oracle: whether it parses a file without error or warning, and the
 * tags it shows in the data set, in order and at every depth.
 *
 * @param exitCode dcmdump's exit code
 * @param problems its lines starting "E:" or "W:" (errors and warnings), in order
 * @param tags the tags of the data set (not the File Meta Information) in the order shown,
 *        without items and delimiters (FFFE,xxxx)
 */
record Dcmdump(int exitCode, List<String> problems, List<Integer> tags) {

    static final Path DCMDUMP = Path.of("/usr/bin/dcmdump");
    private static final Pattern ELEMENT = Pattern.compile("^\\s*\\(([0-9a-f]{4}),([0-9a-f]{4})\\) ");

    /** Why dcmdump cannot run here, or null. */
    static String unavailableReason() {
        return Files.isExecutable(DCMDUMP) ? null : DCMDUMP + " is missing (./run-tests installs dcmtk as root)";
    }

    /** True when dcmdump read the file to its end and said nothing about it. */
    boolean clean() {
        return exitCode == 0 && problems.isEmpty();
    }

    static Dcmdump of(Path file) throws IOException {
        Process process = new ProcessBuilder(DCMDUMP.toString(), file.toString())
                .redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("dcmdump did not finish in 60 s on " + file);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        List<String> problems = new ArrayList<>();
        List<Integer> tags = new ArrayList<>();
        boolean dataSet = false;
        for (String line : new String(out, StandardCharsets.ISO_8859_1).split("\n")) {
            if (line.startsWith("E:") || line.startsWith("W:")) {
                problems.add(line.trim());
            } else if (line.startsWith("# Dicom-Data-Set")) {
                dataSet = true;
            } else if (dataSet) {
                Matcher m = ELEMENT.matcher(line);
                if (m.find() && !m.group(1).equals("fffe")) {
                    tags.add((Integer.parseInt(m.group(1), 16) << 16) | Integer.parseInt(m.group(2), 16));
                }
            }
        }
        return new Dcmdump(process.exitValue(), problems, tags);
    }
}

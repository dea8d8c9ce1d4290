package org.delineate.dicom.pixel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code pydicom_pixels.py} under Debian's {@code /usr/bin/python3} (pydicom 2.3.1, numpy, gdcm,
 * pillow) over a list of files and reads back what pydicom decoded. See the script for the format.
 */
final class PydicomOracle {

    static final Path PYTHON = Path.of(org.delineate.dicom.Peers.PYTHON);

    /** What pydicom made of one file. */
    record Result(String status, String handler, String dtype, long count, String photometric, long garbage,
            String message, Path raw) {

        boolean ok() {
            return status.equals("ok");
        }

        /** The values, widened to long (unsigned types read as unsigned) or, for floats, as double bits. */
        double[] values() throws IOException {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
            double[] v = new double[(int) count];
            char kind = dtype.charAt(1);
            int size = Integer.parseInt(dtype.substring(2));
            for (int i = 0; i < v.length; i++) {
                v[i] = switch (kind + "" + size) {
                    case "u1" -> b.get() & 0xFF;
                    case "i1" -> b.get();
                    case "u2" -> b.getShort() & 0xFFFF;
                    case "i2" -> b.getShort();
                    case "u4" -> b.getInt() & 0xFFFFFFFFL;
                    case "i4" -> b.getInt();
                    case "f4" -> b.getFloat();
                    case "f8" -> b.getDouble();
                    default -> throw new IOException("unexpected dtype " + dtype);
                };
            }
            return v;
        }
    }

    private PydicomOracle() {
    }

    /** True when Debian's python3 with pydicom and numpy is installed. */
    static boolean available() {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import pydicom, numpy").redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** The pydicom version string, for the report. */
    static String version() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(PYTHON.toString(), "-c",
                "import pydicom, numpy, gdcm, PIL; print('pydicom', pydicom.__version__, 'numpy', numpy.__version__, "
                        + "'gdcm', gdcm.Version.GetVersion(), 'pillow', PIL.__version__)").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    /** Decodes {@code files} with pydicom into {@code dir}; the results are keyed by list position. */
    static List<Result> decode(List<Path> files, Path dir) throws IOException, InterruptedException {
        Path script = dir.resolve("pydicom_pixels.py");
        try (InputStream in = PydicomOracle.class.getResourceAsStream("pydicom_pixels.py")) {
            Files.copy(in, script);
        }
        Path list = dir.resolve("list.tsv");
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < files.size(); i++) {
            s.append(i).append('\t').append(files.get(i)).append('\n');
        }
        Files.writeString(list, s.toString());
        Process p = new ProcessBuilder(PYTHON.toString(), script.toString(), list.toString(), dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("python.log").toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("pydicom_pixels.py failed: " + Files.readString(dir.resolve("python.log")));
        }
        Map<Integer, Result> byId = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("results.tsv"))) {
            String[] f = line.split("\t", -1);
            if (f.length < 8) {
                continue;
            }
            int id = Integer.parseInt(f[0]);
            byId.put(id, new Result(f[1], f[2], f[3], Long.parseLong(f[4]), f[5], Long.parseLong(f[6]), f[7],
                    dir.resolve(id + ".raw")));
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            results.add(byId.getOrDefault(i, new Result("error", "", "", 0, "", 0, "no result", null)));
        }
        return results;
    }
}

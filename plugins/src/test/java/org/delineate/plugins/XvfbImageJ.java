package org.delineate.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.delineate.dicom.Peers;

/**
 * Test support: {@code ./delineate} without arguments (ImageJ with the sample study in the Segment Editor) in a new
 * JVM under xvfb-run, with this test's class path, an empty ImageJ folder, and a private home and cache under the
 * test's folder ({@code home}, {@code cache}); a driver's public static method is called from the launcher's
 * {@code delineate.eval} macro, and what it returned ({@code key=value} pairs separated by {@code ;}) is handed
 * back. Skips the test when xvfb-run is missing.
 */
public final class XvfbImageJ {

    private XvfbImageJ() {
    }

    /**
     * Runs {@code driver.method(argument)} in ImageJ under Xvfb (screen 1400 x 1000).
     *
     * @param folder the test's temporary folder
     * @param timeoutSeconds how long the driver may take
     * @return the pairs the driver returned, in order
     */
    public static Map<String, String> call(Path folder, Class<?> driver, String method, String argument,
            int timeoutSeconds) throws IOException {
        Path xvfb = Peers.assumeInstalled("xvfb-run");
        Path ijFolder = Files.createDirectories(folder.resolve("imagej/plugins")).getParent();
        Files.createDirectories(folder.resolve("home"));
        String eval = "return call(\"" + driver.getName() + "." + method + "\", \"" + argument + "\");";
        List<String> command = List.of(xvfb.toString(), "-a", "-s", "-screen 0 1400x1000x24",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-Duser.home=" + folder.resolve("home"), "-Dplugins.dir=" + ijFolder,
                "-Ddelineate.cache=" + folder.resolve("cache"), "-Ddelineate.eval.timeout=" + timeoutSeconds,
                "-Ddelineate.eval=" + eval, "-cp", System.getProperty("java.class.path"), DelineateImageJ.class.getName());
        Peers.Result r = Peers.run(command, folder, timeoutSeconds + 90);
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        List<String> lines = r.stdout().strip().lines().toList();
        Map<String, String> seen = new LinkedHashMap<>();
        for (String pair : lines.get(lines.size() - 1).split(";")) {
            String[] kv = pair.split("=", 2);
            seen.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        return seen;
    }
}

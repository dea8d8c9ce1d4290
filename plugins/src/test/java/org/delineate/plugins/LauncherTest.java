package org.delineate.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.delineate.dicom.Peers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./delineate} without arguments: ImageJ with Plugins > Delineate and the sample study open (under
 * Xvfb), and a clear message instead of a stack trace when there is no display. Runs the launcher's main
 * class in a new JVM with this test's class path, an empty ImageJ folder and a private home and cache.
 */
class LauncherTest {

    @TempDir
    Path tmp;

    private List<String> java(String... options) throws Exception {
        Path ijFolder = Files.createDirectories(tmp.resolve("imagej/plugins")).getParent();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Duser.home=" + tmp.resolve("home"), "-Dplugins.dir=" + ijFolder,
                "-Ddelineate.cache=" + tmp.resolve("cache")));
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), DelineateImageJ.class.getName()));
        Files.createDirectories(tmp.resolve("home"));
        return command;
    }

    @Test
    void startsImageJWithTheMenuAndTheSampleUnderXvfb() throws Exception {
        Path xvfb = Peers.assumeInstalled("xvfb-run");
        List<String> command = new ArrayList<>(List.of(xvfb.toString(), "-a"));
        command.addAll(java("-Ddelineate.eval.timeout=150", "-Ddelineate.eval=" + String.join("\n",
                "List.setCommands;",
                "return \"\" + nImages + \"|\" + List.get(\"Open DICOM Series\") + \"|\" + List.get(\"Window Preset\")"
                        + " + \"|\" + getTitle() + \"|\" + getWidth() + \"x\" + getHeight() + \"x\" + nSlices"
                        + " + \"|\" + is(\"batch mode\");")));
        Peers.Result r = Peers.run(command, tmp, 240);
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        List<String> lines = r.stdout().strip().lines().toList();
        assertEquals("1|org.delineate.plugins.OpenDicomSeries|org.delineate.plugins.WindowPresetCommand"
                + "|Series 1 Phantom CT with lesion|128x128x40|0", lines.get(lines.size() - 1), r.stderr());
        assertTrue(Files.isDirectory(tmp.resolve("cache/sample-ct")), "the sample went to the given cache");
    }

    @Test
    void noDisplayGivesAMessageNotAStackTrace() throws Exception {
        Peers.Result r = Peers.run(java("-Djava.awt.headless=true"), tmp, 60);
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().startsWith("delineate: no display is available"), r.stderr());
        assertFalse(r.stderr().contains("Exception"), r.stderr());
    }

    @Test
    void launcherScriptWithoutDisplayStopsBeforeBuilding() throws Exception {
        Path script = Path.of("").toAbsolutePath().getParent().resolve("delineate");
        Assumptions.assumeTrue(Files.isRegularFile(script), "no launcher at " + script);
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the display check is for Linux");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString());
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Path err = tmp.resolve("err.txt");
        Process p = builder.redirectErrorStream(true).redirectOutput(err.toFile()).start();
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        String out = Files.readString(err);
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.startsWith("delineate: no display (DISPLAY is not set)"), out);
        assertFalse(out.contains("building"), out);
    }
}

package org.delineate.plugins;

import java.awt.AWTError;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ij.IJ;
import ij.ImageJ;
import ij.Menus;
import ij.WindowManager;

/**
 * The main class of {@code ./delineate} without arguments: starts ImageJ 1.x, adds the Delineate commands
 * of {@code plugins.config} (found on the class path) under {@code Plugins > Delineate}, installs
 * {@link DelineateDragAndDrop}, and opens the sample study in the Segment Editor. Exits with status 2 and a
 * message on stderr when there is no display.
 *
 * <p>System property {@code delineate.eval}: a macro run after start-up; its return value is printed to
 * stdout and the JVM exits (0, or 1 when the macro failed or did not finish within {@code delineate.eval.timeout}
 * seconds, default 120). For scripted checks of the launcher.
 */
public final class DelineateImageJ {

    private static final Pattern ENTRY = Pattern.compile("\\s*([^,#][^,]*),\\s*\"([^\"]+)\",\\s*(\\S.*?)\\s*");

    private DelineateImageJ() {
    }

    public static void main(String[] args) {
        ImageJ ij = null;
        String problem = "DISPLAY is not set, or Java runs headless";
        if (!GraphicsEnvironment.isHeadless()) {
            try {
                ij = new ImageJ(ImageJ.STANDALONE);
            } catch (AWTError | HeadlessException e) {
                problem = e.getMessage();
            }
        }
        if (ij == null) {
            System.err.println("delineate: no display is available (" + problem + "), so ImageJ cannot start. Run it "
                    + "on a desktop, through ssh -X, or under xvfb-run; the command line needs no display: "
                    + "./delineate --help");
            System.exit(2);
        }
        installMenus();
        DelineateDragAndDrop.install(ij);
        IJ.runPlugIn(OpenSampleStudy.class.getName(), "");
        if (WindowManager.getCurrentImage() != null) {
            IJ.runPlugIn(SegmentEditor.class.getName(), "");
        }
        String eval = System.getProperty("delineate.eval");
        if (eval != null) {
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(1000L * Long.getLong("delineate.eval.timeout", 120));
                } catch (InterruptedException e) {
                    return;
                }
                // NB: a macro error opens a modal dialog that nobody will close in a scripted run.
                System.err.println("delineate: the delineate.eval macro did not finish in time");
                Runtime.getRuntime().halt(1);
            }, "delineate eval watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            String result = IJ.runMacro(eval);
            System.out.println(result == null ? "" : result);
            System.out.flush();
            System.exit(result == null || "[aborted]".equals(result) ? 1 : 0);
        }
    }

    /**
     * Adds each entry of Delineate's {@code plugins.config} that ImageJ does not know yet. NB: ImageJ 1.x reads
     * plugins.config only from jars in its plugins folder; on the launcher's class path the entries are added
     * here, so no plugins folder needs to be set up.
     */
    static void installMenus() {
        for (String[] entry : entries()) {
            if (!Menus.commandInUse(entry[1])) {
                Menus.add(entry[0] + ">" + entry[1], entry[2]);
            }
        }
    }

    /** The entries {menu, command, class} of the plugins.config that names this package. */
    public static List<String[]> entries() {
        List<String[]> out = new ArrayList<>();
        try {
            Enumeration<URL> configs = DelineateImageJ.class.getClassLoader().getResources("plugins.config");
            while (configs.hasMoreElements()) {
                List<String[]> found = new ArrayList<>();
                try (InputStream in = configs.nextElement().openStream();
                        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        Matcher m = ENTRY.matcher(line);
                        if (m.matches()) {
                            found.add(new String[] {m.group(1).trim(), m.group(2), m.group(3)});
                        }
                    }
                }
                if (found.stream().anyMatch(e -> e[2].startsWith(DelineateImageJ.class.getPackageName() + "."))) {
                    return found;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Delineate's plugins.config cannot be read: " + e.getMessage(), e);
        }
        return out;
    }
}

package org.delineate.macros;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.delineate.dicom.Peers;

/**
 * The example macros in ImageJ 1.x from Maven Central (net.imagej:ij, the version Delineate builds against), in a
 * folder of its own: {@code xvfb-run -a java -Dplugins.dir=FOLDER -jar ij.jar -batch macro.ijm "argument"}.
 */
class MavenImageJMacrosTest extends ExampleMacrosTest {

    @Override
    void install(Path home) throws IOException {
        ImageJInstall.into(home.resolve("ImageJ"));
    }

    @Override
    Peers.Result batch(Path home, Path macro, String argument) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return Peers.run(List.of("xvfb-run", "-a", java, "-Xmx1g", "-Duser.home=" + home, "-Dplugins.dir="
                + home.resolve("ImageJ"), "-jar", ImageJInstall.mavenImageJ().toString(), "-batch", macro.toString(),
                argument), home, 180);
    }
}

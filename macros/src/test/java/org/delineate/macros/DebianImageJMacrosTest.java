package org.delineate.macros;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.delineate.dicom.Peers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example macros in Debian's ImageJ (package {@code imagej}, ImageJ 1.53t with its own {@code ij.jar}), started
 * as Debian users start it: the {@code imagej} script, whose ImageJ folder is {@code ~/.imagej}, with Delineate
 * copied into {@code ~/.imagej/plugins}: {@code xvfb-run -a imagej -b macro.ijm "argument"}. NB: Java takes its
 * home folder from the password database, not from HOME; JAVA_TOOL_OPTIONS sets it for the test.
 */
class DebianImageJMacrosTest extends ExampleMacrosTest {

    private static final String IMAGEJ = "/usr/bin/imagej";

    @BeforeAll
    @Override
    void installAndRunTheRadiologistsMacro(@TempDir Path folder) throws IOException {
        Peers.assumeInstalled("imagej");
        super.installAndRunTheRadiologistsMacro(folder);
    }

    @Override
    void install(Path home) throws IOException {
        ImageJInstall.into(home.resolve(".imagej"));
    }

    @Override
    Peers.Result batch(Path home, Path macro, String argument) throws IOException {
        return Peers.run(List.of("env", "HOME=" + home, "JAVA_TOOL_OPTIONS=-Duser.home=" + home,
                "xvfb-run", "-a", IMAGEJ, "-b", macro.toString(), argument), home, 180);
    }
}

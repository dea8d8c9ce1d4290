package org.delineate.macros;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Delineate installed into a separate ImageJ 1.x folder as docs/install-fiji.md tells users to: the plugin jar in
 * {@code plugins/}, its dependencies in {@code plugins/jars/}, ImageJ's own {@code ij.jar} left out. Taken from
 * this test's class path: the built jars, or, when Maven ran only up to {@code test}, the modules' class folders
 * packed into jars (the plugin's as {@code Delineate_.jar}).
 */
final class ImageJInstall {

    /** Class path entries that are the test's, not Delineate's. */
    private static final Pattern NOT_DELINEATE = Pattern.compile(
            ".*(/junit-|/opentest4j-|/apiguardian-|/surefire|/macros/target/|/ij-[0-9]|-tests\\.jar|/test-classes).*");

    private ImageJInstall() {
    }

    /** Installs into {@code imagej} ({@code imagej/plugins} and {@code imagej/plugins/jars}); returns the plugin jar. */
    static Path into(Path imagej) throws IOException {
        Path plugins = Files.createDirectories(imagej.resolve("plugins"));
        Path jars = Files.createDirectories(plugins.resolve("jars"));
        Path plugin = null;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (entry.isEmpty() || NOT_DELINEATE.matcher(p.toAbsolutePath().toString().replace('\\', '/')).matches()) {
                continue;
            }
            boolean isPlugin = Files.isDirectory(p) ? Files.exists(p.resolve("plugins.config"))
                    : p.getFileName().toString().startsWith("Delineate_");
            Path target = isPlugin ? plugins : jars;
            if (Files.isDirectory(p)) {
                // NB: the module's folder name (plugins/target/classes -> "plugins") names the jar.
                Path jar = target.resolve(isPlugin ? "Delineate_.jar" : p.getParent().getParent().getFileName() + ".jar");
                pack(p, jar);
                plugin = isPlugin ? jar : plugin;
            } else if (Files.isRegularFile(p)) {
                Path copy = target.resolve(p.getFileName().toString());
                Files.copy(p, copy, StandardCopyOption.REPLACE_EXISTING);
                plugin = isPlugin ? copy : plugin;
            }
        }
        if (plugin == null) {
            throw new IllegalStateException("Delineate_ is not on the test class path");
        }
        return plugin;
    }

    /** The ij.jar of the test class path (Maven Central's net.imagej:ij). */
    static Path mavenImageJ() {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (Path.of(entry).getFileName().toString().matches("ij-[0-9].*\\.jar")) {
                return Path.of(entry);
            }
        }
        throw new IllegalStateException("net.imagej:ij is not on the test class path");
    }

    private static void pack(Path folder, Path jar) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Path f : files) {
                zip.putNextEntry(new ZipEntry(folder.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
    }
}

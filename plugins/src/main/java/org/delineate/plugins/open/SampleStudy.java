package org.delineate.plugins.open;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import org.delineate.dicom.sample.CtPhantom;

/**
 * The sample study: the synthetic {@link CtPhantom} written as real DICOM files (one CT Image Storage file
 * per slice) into a per-user cache folder on first use, and reused afterwards. Contains no patient data.
 * Safe to call from several processes at once: the files are generated in a temporary folder beside the
 * target and moved into place in one step, so the target folder is either absent or complete.
 */
public final class SampleStudy {

    /** The name of the sample's folder inside the cache folder. */
    public static final String FOLDER = "sample-ct";

    private SampleStudy() {
    }

    /**
     * The per-user cache folder of Delineate: {@code $XDG_CACHE_HOME/delineate} when that variable is set,
     * else {@code ~/.cache/delineate}. Not created here.
     */
    public static Path defaultCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("delineate");
    }

    /**
     * The sample's folder {@code cache/sample-ct}, generated first when it does not exist yet.
     *
     * @throws IOException when the folder cannot be created or written
     */
    public static Path ensure(Path cache) throws IOException {
        Path target = cache.resolve(FOLDER);
        if (Files.isDirectory(target)) {
            return target;
        }
        Files.createDirectories(cache);
        Path temp = Files.createTempDirectory(cache, FOLDER + "-");
        try {
            CtPhantom.standard().write(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                // NB: another process won the race (or the file system cannot rename atomically and the
                // target appeared meanwhile); its folder is complete, ours is dropped below.
                if (!Files.isDirectory(target)) {
                    throw e;
                }
            }
        } finally {
            deleteTree(temp);
        }
        return target;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}

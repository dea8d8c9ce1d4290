package org.delineate.privacy.run;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar, redrawn with a carriage return at most five times a second: files done of total,
 * percentage and rate. Never names a file. Thread-safe.
 */
public final class ProgressBar implements Progress {

    private static final int WIDTH = 30;
    private static final long INTERVAL = 200_000_000L;

    private final PrintWriter out;
    private long lastDrawn = Long.MIN_VALUE;

    private ProgressBar(PrintWriter out) {
        this.out = out;
    }

    /** A bar drawn on {@code out} (usually stderr). */
    public static ProgressBar on(PrintWriter out) {
        return new ProgressBar(out);
    }

    /** Redraws the bar (at most five times a second, always when {@code finished}). */
    @Override
    public synchronized void update(long done, long total, long elapsedNanos, boolean finished) {
        if (!finished && lastDrawn != Long.MIN_VALUE && elapsedNanos - lastDrawn < INTERVAL) {
            return;
        }
        lastDrawn = elapsedNanos;
        int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        double seconds = elapsedNanos / 1e9;
        out.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d files (%d%%), %.1f files/s", "#".repeat(filled),
                " ".repeat(WIDTH - filled), done, total, total == 0 ? 100 : 100 * done / total,
                seconds > 0 ? done / seconds : 0.0));
        if (finished) {
            out.println();
        }
        out.flush();
    }
}

package org.delineate.dicom.concurrent;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Runs the items 0 to n - 1 of a job on a few threads, the calling thread being one of them: each thread claims the
 * next item in index order until none is left. Failures stop the claiming; the one of the lowest item is thrown, so
 * that the outcome is what running the items in order would have thrown first.
 *
 * <p>NB: no executor and no task per item: handing each item to a pool cost the submitting thread a worker's
 * wake-up per item (as much as reading a small file), and the caller idled while the pool worked.
 */
public final class IndexedWork {

    /** One item of the job. */
    @FunctionalInterface
    public interface Item {
        void run(int index) throws IOException;
    }

    private IndexedWork() {
    }

    /**
     * Runs {@code item} for 0 to {@code count - 1} on up to {@code threads} threads (the caller included) and waits
     * for all of them.
     *
     * @param name names the helper threads
     * @throws IOException what the lowest failing item threw (runtime exceptions and errors are rethrown as they
     *         are); {@link InterruptedIOException} when the caller is interrupted while waiting
     */
    public static void run(int count, int threads, String name, Item item) throws IOException {
        int helpers = Math.min(Math.max(1, threads), count) - 1;
        if (helpers <= 0) {
            for (int i = 0; i < count; i++) {
                item.run(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReferenceArray<Throwable> failures = new AtomicReferenceArray<>(count);
        Runnable loop = () -> {
            for (int i; (i = next.getAndIncrement()) < count;) {
                try {
                    item.run(i);
                } catch (Throwable t) {
                    failures.set(i, t);
                    // NB: no item after this one is claimed any more; those claimed before run to their end.
                    next.set(count);
                }
            }
        };
        Thread[] started = new Thread[helpers];
        for (int h = 0; h < helpers; h++) {
            started[h] = new Thread(loop, name + "-" + (h + 1));
            started[h].setDaemon(true);
            started[h].start();
        }
        loop.run();
        try {
            for (Thread t : started) {
                t.join();
            }
        } catch (InterruptedException e) {
            next.set(count);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while " + name + " was running");
        }
        for (int i = 0; i < count; i++) {
            Throwable t = failures.get(i);
            if (t != null) {
                throw asIoException(t);
            }
        }
    }

    /**
     * What a worker threw, to be thrown by the thread that waited for it: an {@link IOException} as it is, for the
     * caller to throw; runtime exceptions and errors are thrown here, as themselves; anything else wrapped.
     */
    public static IOException asIoException(Throwable t) {
        if (t instanceof IOException io) {
            return io;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IOException(t);
    }
}

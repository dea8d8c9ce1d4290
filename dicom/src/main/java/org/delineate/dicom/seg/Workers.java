package org.delineate.dicom.seg;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.delineate.dicom.concurrent.IndexedWork;

/**
 * The threads of one segmentation write: a pool of daemon threads made for it and shut down when closed, or none
 * (everything runs in the caller) for one thread. Not shared between writes.
 */
final class Workers implements AutoCloseable {

    /** Runs the items {@code from} to {@code to - 1} of a range. */
    @FunctionalInterface
    interface Chunk {
        void run(int from, int to);
    }

    private final int threads;
    private final ExecutorService pool;

    Workers(int threads) {
        this.threads = Math.max(1, threads);
        this.pool = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "delineate-seg-writer");
            t.setDaemon(true);
            return t;
        });
    }

    int threads() {
        return threads;
    }

    /** Starts {@code task} on a worker, or runs it now when there are none. */
    <T> Future<T> submit(Callable<T> task) {
        if (pool != null) {
            return pool.submit(task);
        }
        java.util.concurrent.FutureTask<T> now = new java.util.concurrent.FutureTask<>(task);
        now.run();
        return now;
    }

    /**
     * Runs items 0 to count - 1 in one contiguous chunk per thread and waits for all.
     *
     * @throws java.util.concurrent.CancellationException when interrupted (the interrupt flag is set again)
     */
    void forEachChunk(int count, Chunk chunk) {
        int chunks = Math.min(threads, count);
        List<Future<Object>> running = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) count * c / chunks);
            int to = (int) ((long) count * (c + 1) / chunks);
            running.add(submit(() -> {
                chunk.run(from, to);
                return null;
            }));
        }
        for (Future<Object> f : running) {
            try {
                result(f);
            } catch (IOException e) {
                // NB: chunks throw no checked exception; only an interrupt gets here.
                throw new java.util.concurrent.CancellationException(e.getMessage());
            }
        }
    }

    /** The result of {@code f}, waiting for it; what the task threw is thrown here. */
    static <T> T result(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing a segmentation");
        } catch (ExecutionException e) {
            throw IndexedWork.asIoException(e.getCause());
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}

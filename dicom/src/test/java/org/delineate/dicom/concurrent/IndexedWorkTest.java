package org.delineate.dicom.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** Every item runs once, on the caller and its helpers; the failure reported is the one running in order gives. */
class IndexedWorkTest {

    @Test
    void everyItemRunsExactlyOnceAndTheCallerTakesPart() throws IOException {
        int count = 1000;
        AtomicIntegerArray runs = new AtomicIntegerArray(count);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        Thread caller = Thread.currentThread();
        IndexedWork.run(count, 3, "test", i -> {
            runs.incrementAndGet(i);
            threads.add(Thread.currentThread());
            if (i < 3) {
                // NB: items 0 to 2 each hold their thread until three threads are seen, so that each is claimed by
                // another thread and the caller must claim one of them (else the helpers could take every item
                // before the caller starts)
                long until = System.nanoTime() + 5_000_000_000L;
                while (threads.size() < 3 && System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            }
        });
        for (int i = 0; i < count; i++) {
            assertEquals(1, runs.get(i), "item " + i);
        }
        assertTrue(threads.contains(caller), "the caller is one of the threads");
        assertTrue(threads.size() >= 2 && threads.size() <= 3, "at most the threads asked for: " + threads.size());
    }

    @Test
    void oneThreadRunsInOrderOnTheCaller() throws IOException {
        StringBuilder order = new StringBuilder();
        IndexedWork.run(5, 1, "test", i -> order.append(i));
        assertEquals("01234", order.toString());
        IndexedWork.run(0, 4, "test", i -> order.append("never"));
        assertEquals("01234", order.toString(), "no items, nothing runs");
    }

    @Test
    void theLowestFailingItemIsReportedAndNoLaterItemStarts() {
        AtomicIntegerArray started = new AtomicIntegerArray(100);
        IOException thrown = assertThrows(IOException.class, () -> IndexedWork.run(100, 2, "test", i -> {
            started.set(i, 1);
            if (i == 3) {
                throw new IOException("three");
            }
            if (i == 7) {
                throw new IOException("seven");
            }
        }));
        assertEquals("three", thrown.getMessage());
        int last = 0;
        for (int i = 0; i < 100; i++) {
            last = started.get(i) == 1 ? i : last;
        }
        assertTrue(last < 50, "claiming stopped soon after the failure, last item started " + last);
    }

    @Test
    void runtimeExceptionsAndErrorsPassThroughAsThemselves() {
        IllegalStateException state = new IllegalStateException("bad");
        assertSame(state, assertThrows(IllegalStateException.class, () -> IndexedWork.run(10, 2, "test", i -> {
            if (i == 5) {
                throw state;
            }
        })));
    }

    @Test
    void anInterruptedCallerGetsAnInterruptedIoException() throws Exception {
        AtomicReference<Throwable> seen = new AtomicReference<>();
        CountDownLatch helperBusy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread[] callerThread = new Thread[1];
        Thread caller = new Thread(() -> {
            try {
                IndexedWork.run(2, 2, "test", i -> {
                    try {
                        if (Thread.currentThread() == callerThread[0]) {
                            // NB: the caller's item waits for the helper's to start, so that each takes one
                            helperBusy.await();
                        } else {
                            helperBusy.countDown();
                            release.await();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Throwable t) {
                seen.set(t);
            }
        });
        callerThread[0] = caller;
        caller.start();
        helperBusy.await();
        // NB: the caller has done its item and waits for the helper; interrupt it there
        while (caller.getState() != Thread.State.WAITING && caller.isAlive()) {
            Thread.onSpinWait();
        }
        caller.interrupt();
        caller.join(10_000);
        release.countDown();
        assertTrue(seen.get() instanceof InterruptedIOException, String.valueOf(seen.get()));
    }
}

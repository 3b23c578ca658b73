package com.qmailing.command.blob;

import org.junit.jupiter.api.Test;

import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Folder syncs of concurrent puts share one force, and nobody returns before a force covered it. */
class FolderSyncsTest {

    private static final Path FOLDER = Path.of("account");
    private static final String CALLER = "folder-sync-caller";

    @Test
    void callersArrivingDuringAForceShouldShareTheNextOne() throws Exception {
        AtomicInteger forces = new AtomicInteger();
        CountDownLatch firstForceStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstForce = new CountDownLatch(1);
        FolderSyncs syncs = new FolderSyncs(folder -> {
            if (forces.incrementAndGet() == 1) {
                firstForceStarted.countDown();
                awaitQuietly(releaseFirstForce);
            }
        });
        ExecutorService callers = Executors.newFixedThreadPool(6, task -> new Thread(task, CALLER));
        try {
            Future<?> first = callers.submit(() -> sync(syncs));
            firstForceStarted.await();
            List<Future<?>> waiting = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                waiting.add(callers.submit(() -> sync(syncs)));
            }
            awaitQueued(syncs, 5);
            releaseFirstForce.countDown();
            first.get();
            for (Future<?> caller : waiting) {
                caller.get();
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(forces).as("the first force, then one for the five that came during it").hasValue(2);
    }

    @Test
    void aCallAfterAForceFinishedShouldForceAgain() throws Exception {
        AtomicInteger forces = new AtomicInteger();
        FolderSyncs syncs = new FolderSyncs(folder -> forces.incrementAndGet());

        syncs.sync(FOLDER);
        syncs.sync(FOLDER);
        syncs.sync(Path.of("another"));

        assertThat(forces).hasValue(3);
    }

    private static void awaitQuietly(CountDownLatch latch) throws InterruptedIOException {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while forcing");
        }
    }

    private static Void sync(FolderSyncs syncs) throws Exception {
        syncs.sync(FOLDER);
        return null;
    }

    /** Waits until the callers hold their tickets: blocked on the force in progress. */
    private static void awaitQueued(FolderSyncs syncs, int callers) throws InterruptedException {
        while (Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> CALLER.equals(thread.getName()) && thread.getState() == Thread.State.BLOCKED)
                .count() < callers) {
            Thread.sleep(5);
        }
    }
}

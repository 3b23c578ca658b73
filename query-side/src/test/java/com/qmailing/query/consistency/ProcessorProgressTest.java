package com.qmailing.query.consistency;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessorProgressTest {

    /** A safety net longer than any wait here: only a signal can end one early. */
    private final ProcessorProgress progress = new ProcessorProgress(Duration.ofMinutes(1));

    @Test
    void aWaitEndsWhenAProcessorMovesPastTheCondition() throws Exception {
        AtomicBoolean reached = new AtomicBoolean();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> awaitFor(reached, Duration.ofSeconds(30)));
        Thread.sleep(100);
        assertThat(waiting).isNotDone();

        reached.set(true);
        progress.onEventTrackerStatusChange(Map.of());

        assertThat(waiting.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aWaitGivesUpAtItsDeadline() {
        long started = System.nanoTime();

        assertThat(awaitFor(new AtomicBoolean(), Duration.ofMillis(120))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(120));
    }

    @Test
    void positionsAreReported() {
        assertThat(progress.validatePositions()).isTrue();
    }

    private boolean awaitFor(AtomicBoolean condition, Duration timeout) {
        try {
            return progress.await(condition::get, System.nanoTime() + timeout.toNanos());
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

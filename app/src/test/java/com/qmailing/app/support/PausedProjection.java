package com.qmailing.app.support;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A projection's processor stopped for a test, so a test can show what does and does not wait for
 * it; closing starts it again (or waits for the restart {@link #resumeAfter} scheduled), since
 * the tests share one running application.
 */
public final class PausedProjection implements AutoCloseable {

    private final StreamingEventProcessor processor;
    private CompletableFuture<Void> restart;

    private PausedProjection(StreamingEventProcessor processor) {
        this.processor = processor;
    }

    public static PausedProjection pause(EventProcessingConfiguration processing, String processingGroup) {
        StreamingEventProcessor processor = processing.eventProcessor(processingGroup, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        return new PausedProjection(processor);
    }

    /** Starts the processor again after the delay, in the background. */
    public void resumeAfter(Duration delay) {
        restart = CompletableFuture.runAsync(processor::start,
                CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Override
    public void close() throws Exception {
        if (restart == null) {
            processor.start();
        } else {
            restart.get(10, TimeUnit.SECONDS);
        }
    }
}

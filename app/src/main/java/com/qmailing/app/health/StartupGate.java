package com.qmailing.app.health;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Start-up finishes only once every processor has claimed its segments, so that the bootstrap
 * and the first requests are seen by every saga and projection (health says DOWN until then).
 */
@Component
class StartupGate {

    private static final Logger log = LoggerFactory.getLogger(StartupGate.class);

    private final EventProcessorsHealthIndicator processors;
    private final Duration timeout;

    StartupGate(EventProcessorsHealthIndicator processors,
                @Value("${qmailing.startup-timeout:PT60S}") Duration timeout) {
        this.processors = processors;
        this.timeout = timeout;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    void awaitProcessors() throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!processors.ready()) {
            if (System.nanoTime() > deadline) {
                log.warn("Event processors not ready after {}: {}", timeout, processors.health().getDetails());
                return;
            }
            Thread.sleep(20);
        }
    }
}

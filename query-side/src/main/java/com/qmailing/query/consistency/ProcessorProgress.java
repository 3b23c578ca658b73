package com.qmailing.query.consistency;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.EventTrackerStatusChangeListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Wakes the read-your-writes waits when a tracking processor moves. They used to look every
 * millisecond: eight waiting requests made eight thousand wake-ups a second on two cores, most of
 * them to find nothing new. Registered on the processors by the event-processing defaults, which
 * pick up any {@link EventTrackerStatusChangeListener} bean.
 */
@Component
class ProcessorProgress implements EventTrackerStatusChangeListener {

    private final Object moved = new Object();
    /** Only a safety net: every move signals, so a wait should never need it. */
    private final long recheckNanos;

    ProcessorProgress() {
        this(Duration.ofMillis(50));
    }

    ProcessorProgress(Duration recheck) {
        this.recheckNanos = recheck.toNanos();
    }

    @Override
    public void onEventTrackerStatusChange(Map<Integer, EventTrackerStatus> updatedTrackerStatus) {
        synchronized (moved) {
            moved.notifyAll();
        }
    }

    /** Positions are what the waits watch; without this Axon reports only segment and error changes. */
    @Override
    public boolean validatePositions() {
        return true;
    }

    /**
     * Waits until the condition holds or the deadline passes; the condition is checked under the
     * same lock the processors signal with, so no move between a check and the wait is missed.
     */
    boolean await(BooleanSupplier condition, long deadlineNanos) throws InterruptedException {
        synchronized (moved) {
            while (!condition.getAsBoolean()) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(moved, Math.min(left, recheckNanos));
            }
            return true;
        }
    }
}

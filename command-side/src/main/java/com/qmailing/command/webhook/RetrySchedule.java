package com.qmailing.command.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** When a failed delivery is tried again: after each attempt the next delay, until none is left. */
record RetrySchedule(List<Duration> delays) {

    RetrySchedule {
        delays = List.copyOf(delays);
    }

    /** @param attempt the number of the attempt that just failed, from 1 */
    Optional<Duration> delayAfter(int attempt) {
        return attempt >= 1 && attempt <= delays.size() ? Optional.of(delays.get(attempt - 1)) : Optional.empty();
    }
}

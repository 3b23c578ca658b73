package com.qmailing.command.email;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When to try a temporarily failed delivery again: after each listed delay in turn; when the
 * list is used up the recipients bounce. The default spans about two days, as MTAs do.
 */
@Component
class DeliveryRetries {

    private final List<Duration> delays;

    DeliveryRetries(@Value("${qmailing.delivery.retry-delays:PT1M,PT5M,PT15M,PT30M,PT1H,PT2H,PT4H,PT8H,PT8H,PT12H,PT12H}")
                    List<Duration> delays) {
        this.delays = List.copyOf(delays);
    }

    /** The wait before attempt {@code failedAttempt + 1}, or empty when it was the last. */
    Optional<Duration> after(int failedAttempt) {
        return failedAttempt <= delays.size() ? Optional.of(delays.get(failedAttempt - 1)) : Optional.empty();
    }
}

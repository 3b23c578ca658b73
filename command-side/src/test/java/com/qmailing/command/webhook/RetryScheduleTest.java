package com.qmailing.command.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RetryScheduleTest {

    @Test
    void theDefaultScheduleBacksOffExponentiallyAndKeepsTryingForMoreThanADay() {
        List<Duration> delays = new WebhookProperties(false, null, null).retryDelays();

        assertThat(delays.get(0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(delays).isSortedAccordingTo(Duration::compareTo);
        assertThat(delays.stream().reduce(Duration.ZERO, Duration::plus)).isGreaterThan(Duration.ofHours(24));
    }

    @Test
    void eachFailedAttemptIsFollowedByTheNextDelayUntilNoneIsLeft() {
        RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofSeconds(1), Duration.ofSeconds(5)));

        assertThat(schedule.delayAfter(1)).hasValue(Duration.ofSeconds(1));
        assertThat(schedule.delayAfter(2)).hasValue(Duration.ofSeconds(5));
        assertThat(schedule.delayAfter(3)).isEmpty();
    }

    @Test
    void theTimeoutDefaultsToTenSecondsAndMustBePositive() {
        assertThat(new WebhookProperties(false, List.of(), null).timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThatIllegalArgumentException().isThrownBy(() -> new WebhookProperties(false, null, Duration.ZERO));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WebhookProperties(false, List.of(Duration.ofSeconds(-1)), null));
    }
}

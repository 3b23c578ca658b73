package com.qmailing.command.config;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RecentAggregatesTest {

    private Instant now = Instant.parse("2026-11-24T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final RecentAggregates cache = new RecentAggregates(2, Duration.ofMinutes(1), clock);

    @Test
    void theLeastRecentlyUsedGoesWhenFull() {
        cache.put("a", 1);
        cache.put("b", 2);
        assertThat((Integer) cache.get("a")).isEqualTo(1);

        cache.put("c", 3);

        assertThat(cache.containsKey("b")).isFalse();
        assertThat((Integer) cache.get("a")).isEqualTo(1);
        assertThat((Integer) cache.get("c")).isEqualTo(3);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void anEntryPastItsAgeIsNeverReturnedAndIsDropped() {
        cache.put("a", 1);
        now = now.plus(Duration.ofSeconds(61));

        assertThat((Integer) cache.get("a")).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void writesDropOldEntriesFromTheLeastRecentlyUsedEnd() {
        cache.put("a", 1);
        now = now.plus(Duration.ofSeconds(61));

        cache.put("b", 2);

        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.containsKey("a")).isFalse();
    }

    @Test
    void putIfAbsentKeepsAFreshEntryAndReplacesAnExpiredOne() {
        assertThat(cache.putIfAbsent("a", 1)).isTrue();
        assertThat(cache.putIfAbsent("a", 2)).isFalse();
        now = now.plus(Duration.ofMinutes(2));

        assertThat(cache.putIfAbsent("a", 3)).isTrue();
        assertThat((Integer) cache.get("a")).isEqualTo(3);
    }
}

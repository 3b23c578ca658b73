package com.qmailing.command.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/** The soft-delete grace period: what is deleted now is purged at {@link #purgeAt(Instant)}. */
@Component
public class Retention {

    private final Duration period;

    public Retention(@Value("${qmailing.retention-period:P30D}") Duration period) {
        if (period.isNegative()) {
            throw new IllegalArgumentException("qmailing.retention-period must not be negative: " + period);
        }
        this.period = period;
    }

    public Instant purgeAt(Instant deletedAt) {
        return deletedAt.plus(period);
    }
}

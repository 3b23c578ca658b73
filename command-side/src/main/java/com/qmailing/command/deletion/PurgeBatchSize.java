package com.qmailing.command.deletion;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many emails one purge transaction takes. Small enough that a batch commits in well under a
 * second (a crash loses at most one batch of work) and that Axon's per-transaction bookkeeping, which
 * grows with the square of the events staged in one unit of work, stays negligible.
 */
@Component
class PurgeBatchSize {

    private final int emails;

    PurgeBatchSize(@Value("${qmailing.purge-batch-size:500}") int emails) {
        if (emails < 1) {
            throw new IllegalArgumentException("qmailing.purge-batch-size must be at least 1: " + emails);
        }
        this.emails = emails;
    }

    int emails() {
        return emails;
    }
}

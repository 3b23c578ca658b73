package com.qmailing.events.consistency;

import java.util.EnumSet;
import java.util.Set;

/**
 * Read-your-writes: answers {@code true} once the named read models have processed the latest
 * event of the aggregate (or {@code false} when the wait timed out). Edges send it after a command
 * whose result the caller will read next, naming only the read models those reads use: each one
 * is a processor that may be busy with other events.
 */
public record AwaitProjectionsQuery(String aggregateIdentifier, Set<ReadModel> readModels) {

    public AwaitProjectionsQuery {
        readModels = Set.copyOf(readModels);
        if (readModels.isEmpty()) {
            throw new IllegalArgumentException("name at least one read model to wait for");
        }
    }

    /** Waits for every read model. */
    public AwaitProjectionsQuery(String aggregateIdentifier) {
        this(aggregateIdentifier, EnumSet.allOf(ReadModel.class));
    }
}

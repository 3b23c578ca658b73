package com.qmailing.events.consistency;

import java.util.List;
import java.util.Set;

/**
 * Read-your-writes: answers {@code true} once the named read models have processed the latest
 * event of each aggregate (or {@code false} when the wait timed out). Edges send it before a read
 * that must show the caller's own earlier writes, naming only the read models those reads use:
 * each one is a processor that may be busy with other events.
 */
public record AwaitProjectionsQuery(List<String> aggregateIdentifiers, Set<ReadModel> readModels) {

    public AwaitProjectionsQuery {
        aggregateIdentifiers = List.copyOf(aggregateIdentifiers);
        readModels = Set.copyOf(readModels);
        if (aggregateIdentifiers.isEmpty()) {
            throw new IllegalArgumentException("name at least one aggregate to wait for");
        }
        if (readModels.isEmpty()) {
            throw new IllegalArgumentException("name at least one read model to wait for");
        }
    }
}

package com.qmailing.events.consistency;

/**
 * Read-your-writes: answers {@code true} once every projection has processed the latest event of
 * the aggregate (or {@code false} when the wait timed out). Edges send it after a command whose
 * result the caller will read next.
 */
public record AwaitProjectionsQuery(String aggregateIdentifier) {
}

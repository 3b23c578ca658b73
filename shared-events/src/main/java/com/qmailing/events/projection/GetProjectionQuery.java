package com.qmailing.events.projection;

/** Answers {@code Optional<ProjectionView>}; empty for a name that is not a replayable projection. */
public record GetProjectionQuery(String name) {
}

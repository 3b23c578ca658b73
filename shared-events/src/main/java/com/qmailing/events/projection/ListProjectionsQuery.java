package com.qmailing.events.projection;

/** Answers {@code List<ProjectionView>}: every replayable projection of the node that answers, by name. */
public record ListProjectionsQuery() {
}

package com.qmailing.query.projection;

import com.qmailing.events.projection.ProjectionStatus;
import com.qmailing.events.projection.ProjectionView;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

import java.util.Collection;
import java.util.OptionalLong;

/**
 * Reads a processor's segments into one view. Every figure is the slowest segment's, so "done"
 * means done everywhere.
 * <p>
 * A segment counts as replaying until it has reached its reset position. Axon keeps its own replay
 * flag up until the first event <em>after</em> that position, which on a quiet instance can be
 * hours after every stored event has been replayed.
 */
final class ProjectionProgress {

    private ProjectionProgress() {
    }

    static ProjectionView of(String name, StreamingEventProcessor processor) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        return new ProjectionView(name, status(processor, segments), position(segments), replayUntil(segments),
                progress(segments));
    }

    private static ProjectionStatus status(StreamingEventProcessor processor, Collection<EventTrackerStatus> segments) {
        if (!processor.isRunning()) {
            return ProjectionStatus.STOPPED;
        }
        if (processor.isError() || segments.stream().anyMatch(EventTrackerStatus::isErrorState)) {
            return ProjectionStatus.ERROR;
        }
        return segments.stream().anyMatch(ProjectionProgress::replaying)
                ? ProjectionStatus.REPLAYING : ProjectionStatus.RUNNING;
    }

    private static Long position(Collection<EventTrackerStatus> segments) {
        if (segments.isEmpty() || segments.stream().anyMatch(segment -> segment.getCurrentPosition().isEmpty())) {
            return null;
        }
        return segments.stream().mapToLong(segment -> segment.getCurrentPosition().getAsLong()).min().getAsLong();
    }

    private static Long replayUntil(Collection<EventTrackerStatus> segments) {
        OptionalLong until = segments.stream()
                .filter(ProjectionProgress::replaying)
                .map(EventTrackerStatus::getResetPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .max();
        return until.isPresent() ? until.getAsLong() : null;
    }

    private static Double progress(Collection<EventTrackerStatus> segments) {
        if (segments.isEmpty()) {
            return null;
        }
        return segments.stream().mapToDouble(ProjectionProgress::progress).min().getAsDouble();
    }

    /** Positions count from the start of the stream, so a replay from there is this far along. */
    private static double progress(EventTrackerStatus segment) {
        if (!replaying(segment)) {
            return 1.0;
        }
        OptionalLong current = segment.getCurrentPosition();
        OptionalLong until = segment.getResetPosition();
        if (current.isEmpty() || until.isEmpty() || until.getAsLong() <= 0) {
            return 0.0;
        }
        return Math.max(0.0, (double) current.getAsLong() / until.getAsLong());
    }

    private static boolean replaying(EventTrackerStatus segment) {
        if (!segment.isReplaying()) {
            return false;
        }
        OptionalLong current = segment.getCurrentPosition();
        OptionalLong until = segment.getResetPosition();
        return current.isEmpty() || until.isEmpty() || current.getAsLong() < until.getAsLong();
    }
}

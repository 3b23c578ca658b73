package com.qmailing.query.projection;

import com.qmailing.events.projection.ProjectionStatus;
import com.qmailing.events.projection.ProjectionView;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ProjectionProgressTest {

    @Test
    void aReplayReportsTheSlowestSegmentsShareOfTheWayToTheResetPosition() {
        ProjectionView view = ProjectionProgress.of("projection.mailboxes",
                running(replaying(50, 200), replaying(150, 200)));

        assertThat(view).isEqualTo(new ProjectionView("projection.mailboxes", ProjectionStatus.REPLAYING,
                50L, 200L, 0.25));
    }

    @Test
    void aSegmentDoneReplayingCountsAsCompleteWhileAnotherStillReplays() {
        ProjectionView view = ProjectionProgress.of("projection.mailboxes", running(caughtUp(210), replaying(100, 200)));

        assertThat(view.status()).isEqualTo(ProjectionStatus.REPLAYING);
        assertThat(view.position()).isEqualTo(100L);
        assertThat(view.progress()).isEqualTo(0.5);
    }

    @Test
    void aReplayThatHasNotProcessedAnEventYetIsAtZero() {
        ProjectionView view = ProjectionProgress.of("projection.mailboxes",
                running(segment(true, OptionalLong.empty(), OptionalLong.of(200), false)));

        assertThat(view).isEqualTo(new ProjectionView("projection.mailboxes", ProjectionStatus.REPLAYING,
                null, 200L, 0.0));
    }

    @Test
    void aReplayThatReachedItsResetPositionIsDoneThoughAxonStillFlagsItAsReplaying() {
        ProjectionView view = ProjectionProgress.of("projection.mailboxes", running(replaying(200, 200)));

        assertThat(view).isEqualTo(new ProjectionView("projection.mailboxes", ProjectionStatus.RUNNING,
                200L, null, 1.0));
    }

    @Test
    void aCaughtUpProjectionIsRunningAndComplete() {
        ProjectionView view = ProjectionProgress.of("projection.accounts", running(caughtUp(300)));

        assertThat(view).isEqualTo(new ProjectionView("projection.accounts", ProjectionStatus.RUNNING,
                300L, null, 1.0));
    }

    @Test
    void aFailingSegmentPutsTheProjectionInError() {
        ProjectionView view = ProjectionProgress.of("projection.emails", running(caughtUp(7),
                segment(false, OptionalLong.of(5), OptionalLong.empty(), true)));

        assertThat(view.status()).isEqualTo(ProjectionStatus.ERROR);
        assertThat(view.position()).isEqualTo(5L);
    }

    @Test
    void aStoppedProjectionKnowsNoPosition() {
        StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
        when(processor.isRunning()).thenReturn(false);
        when(processor.processingStatus()).thenReturn(Map.of());

        assertThat(ProjectionProgress.of("projection.tokens", processor)).isEqualTo(
                new ProjectionView("projection.tokens", ProjectionStatus.STOPPED, null, null, null));
    }

    private static StreamingEventProcessor running(EventTrackerStatus... segments) {
        Map<Integer, EventTrackerStatus> status = new HashMap<>();
        for (int i = 0; i < segments.length; i++) {
            status.put(i, segments[i]);
        }
        StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
        when(processor.isRunning()).thenReturn(true);
        when(processor.processingStatus()).thenReturn(status);
        return processor;
    }

    private static EventTrackerStatus replaying(long position, long resetPosition) {
        return segment(true, OptionalLong.of(position), OptionalLong.of(resetPosition), false);
    }

    private static EventTrackerStatus caughtUp(long position) {
        return segment(false, OptionalLong.of(position), OptionalLong.empty(), false);
    }

    private static EventTrackerStatus segment(boolean replaying, OptionalLong position, OptionalLong resetPosition,
                                              boolean error) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.isReplaying()).thenReturn(replaying);
        when(status.getCurrentPosition()).thenReturn(position);
        when(status.getResetPosition()).thenReturn(resetPosition);
        when(status.isErrorState()).thenReturn(error);
        return status;
    }
}

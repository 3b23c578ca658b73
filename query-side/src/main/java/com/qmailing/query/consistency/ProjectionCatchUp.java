package com.qmailing.query.consistency;

import com.qmailing.events.consistency.AwaitProjectionsQuery;
import com.qmailing.query.support.ProjectionGroups;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Read-your-writes for clients of eventually consistent projections: after a command, the edge
 * asks this component to wait until every projection in this node has processed the aggregate's
 * latest event. Waiting for the exact event (rather than the head of the stream) keeps a stuck gap
 * elsewhere in the stream — a rolled-back transaction's sequence number — from stalling writers.
 */
@Component
class ProjectionCatchUp {

    private static final Logger log = LoggerFactory.getLogger(ProjectionCatchUp.class);
    private static final long POLL_NANOS = Duration.ofMillis(1).toNanos();

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final String positionQuery;
    private final Duration timeout;

    ProjectionCatchUp(EventProcessingConfiguration processing, JdbcTemplate jdbc, EventSchema schema,
                      @Value("${qmailing.read-your-writes-timeout:PT5S}") Duration timeout) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.timeout = timeout;
        this.positionQuery = "select " + schema.globalIndexColumn() + " from " + schema.domainEventTable()
                + " where " + schema.aggregateIdentifierColumn() + " = ? order by "
                + schema.sequenceNumberColumn() + " desc limit 1";
    }

    @QueryHandler
    Boolean handle(AwaitProjectionsQuery query) {
        List<Long> positions = jdbc.queryForList(positionQuery, Long.class, query.aggregateIdentifier());
        if (positions.isEmpty()) {
            return true;
        }
        long position = positions.get(0);
        List<StreamingEventProcessor> projections = processing.eventProcessors().entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(ProjectionGroups.PREFIX))
                .map(entry -> entry.getValue())
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!projections.stream().allMatch(processor -> hasProcessed(processor, position))) {
            if (System.nanoTime() > deadline) {
                log.warn("Projections did not reach position {} within {}", position, timeout);
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return true;
    }

    private static boolean hasProcessed(StreamingEventProcessor processor, long position) {
        var statuses = processor.processingStatus().values();
        if (statuses.isEmpty()) {
            return false;
        }
        for (EventTrackerStatus status : statuses) {
            if (status.isErrorState() || !covers(status.getTrackingToken(), position)) {
                return false;
            }
        }
        return true;
    }

    private static boolean covers(TrackingToken token, long position) {
        TrackingToken current = WrappedToken.unwrapUpperBound(token);
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        OptionalLong reached = current == null ? OptionalLong.empty() : current.position();
        return reached.isPresent() && reached.getAsLong() >= position;
    }
}

package com.qmailing.query.consistency;

import com.qmailing.events.consistency.AwaitProjectionsQuery;
import com.qmailing.events.consistency.ReadModel;
import com.qmailing.query.support.ProjectionGroups;
import com.qmailing.query.support.Projections;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Read-your-writes for clients of eventually consistent projections: after a command, the edge
 * asks this component to wait until the projections it names in this node have processed the positions
 * {@link EventPositions} names for the aggregates' writes.
 */
@Component
class ProjectionCatchUp {

    private static final Logger log = LoggerFactory.getLogger(ProjectionCatchUp.class);
    private final Projections projections;
    private final EventPositions positions;
    private final ProcessorProgress progress;
    private final Duration timeout;

    ProjectionCatchUp(Projections projections, EventPositions positions, ProcessorProgress progress,
                      @Value("${qmailing.read-your-writes-timeout:PT5S}") Duration timeout) {
        this.projections = projections;
        this.positions = positions;
        this.progress = progress;
        this.timeout = timeout;
    }

    @QueryHandler
    Boolean handle(AwaitProjectionsQuery query) {
        List<Long> positions = this.positions.after(query.aggregateIdentifiers());
        if (positions.isEmpty()) {
            return true;
        }
        Collection<StreamingEventProcessor> projections = named(query.readModels());
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (progress.await(() -> projections.stream().allMatch(processor -> hasProcessed(processor, positions)),
                    deadline)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        log.warn("Projections did not reach positions {} within {}", positions, timeout);
        return false;
    }

    private List<StreamingEventProcessor> named(Set<ReadModel> readModels) {
        Map<String, StreamingEventProcessor> all = projections.all();
        return readModels.stream().map(model -> {
            StreamingEventProcessor processor = all.get(ProjectionGroups.of(model));
            if (processor == null) {
                throw new IllegalStateException("no projection runs the read model " + model);
            }
            return processor;
        }).toList();
    }

    private static boolean hasProcessed(StreamingEventProcessor processor, List<Long> positions) {
        var statuses = processor.processingStatus().values();
        if (statuses.isEmpty()) {
            return false;
        }
        for (EventTrackerStatus status : statuses) {
            if (status.isErrorState()) {
                return false;
            }
            for (long position : positions) {
                if (!covers(status.getTrackingToken(), position)) {
                    return false;
                }
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

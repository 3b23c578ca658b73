package com.qmailing.query.consistency;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * With Axon Server (no event table to look into): the head of the stream when asked, which is
 * at or after the write the caller just made. Axon Server's global sequence has no gaps, so
 * waiting for the head cannot stall on someone else's rolled-back transaction.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true", matchIfMissing = true)
class HeadOfStreamPositions implements EventPositions {

    private final EventStore events;

    HeadOfStreamPositions(EventStore events) {
        this.events = events;
    }

    @Override
    public List<Long> after(List<String> aggregateIdentifiers) {
        var head = events.createHeadToken();
        return head == null || head.position().isEmpty() ? List.of() : List.of(head.position().getAsLong());
    }
}

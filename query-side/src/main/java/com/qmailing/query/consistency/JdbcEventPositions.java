package com.qmailing.query.consistency;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.OptionalLong;

/**
 * With the JDBC event store: the global index of the aggregate's latest event. Waiting for that
 * exact event (rather than the head of the stream) keeps a stuck gap elsewhere — a rolled-back
 * transaction's sequence number — from stalling writers.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class JdbcEventPositions implements EventPositions {

    private final JdbcTemplate jdbc;
    private final String positionQuery;

    JdbcEventPositions(JdbcTemplate jdbc, EventSchema schema) {
        this.jdbc = jdbc;
        this.positionQuery = "select " + schema.globalIndexColumn() + " from " + schema.domainEventTable()
                + " where " + schema.aggregateIdentifierColumn() + " = ? order by "
                + schema.sequenceNumberColumn() + " desc limit 1";
    }

    @Override
    public OptionalLong after(String aggregateIdentifier) {
        List<Long> positions = jdbc.queryForList(positionQuery, Long.class, aggregateIdentifier);
        return positions.isEmpty() ? OptionalLong.empty() : OptionalLong.of(positions.get(0));
    }
}

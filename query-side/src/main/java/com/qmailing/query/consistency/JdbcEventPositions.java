package com.qmailing.query.consistency;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * With the JDBC event store: the global index of each aggregate's latest event, in one statement.
 * Waiting for those exact events (rather than the head of the stream) keeps a stuck gap elsewhere —
 * a rolled-back transaction's sequence number — from stalling readers.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class JdbcEventPositions implements EventPositions {

    private final JdbcTemplate jdbc;
    private final String positionQuery;

    JdbcEventPositions(JdbcTemplate jdbc, EventSchema schema) {
        this.jdbc = jdbc;
        // An aggregate's events get increasing global indexes (each append follows the one before it).
        this.positionQuery = "select max(" + schema.globalIndexColumn() + ") from " + schema.domainEventTable()
                + " where " + schema.aggregateIdentifierColumn() + " = any(?) group by "
                + schema.aggregateIdentifierColumn();
    }

    @Override
    public List<Long> after(List<String> aggregateIdentifiers) {
        return jdbc.queryForList(positionQuery, Long.class, (Object) aggregateIdentifiers.toArray(String[]::new));
    }
}

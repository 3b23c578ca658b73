package com.qmailing.command.email;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.modelling.saga.AnnotatedSagaManager;
import org.axonframework.modelling.saga.AssociationValue;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A saga manager that lets an event into only the segment that owns the saga it concerns, for a
 * saga associated by its start association alone (the delivery saga: {@code emailId}).
 * <p>
 * Axon's saga manager accepts every event it has a handler for in every segment, and each segment
 * then looks the event's association up in {@code association_value_entry} to find the sagas whose
 * identifier falls in it. With the delivery processor's four segments, every sent and delivered
 * email cost four lookups, four units of work and, since handling makes a saga's transaction
 * durable (ADR 8), four disk flushes, for a saga that three of the segments could never hold: a
 * new saga is started only in the segment matching its start association and is given an
 * identifier in that same segment. So a saga started under the current segments lives in the
 * segment of its association, and the others can let its events pass as they pass events of types
 * they have no handler for: their token moves on in a relaxed transaction, without a lookup.
 * <p>
 * Sagas started under other segments (a processor that ran with one segment before it was split
 * into four) may live elsewhere. Their associations and identifiers are read once, before the
 * first event is let through, and their events also reach the segments of those identifiers.
 * Splitting segments while the application runs would strand the sagas it moves until the next
 * start reads them again; merging is always safe.
 *
 * @param <T> the saga, which must not associate itself with anything but its start association
 */
final class OwnSegmentSagaManager<T> extends AnnotatedSagaManager<T> {

    private final JdbcTemplate jdbc;
    private final String sagaTypeName;
    private volatile Map<AssociationValue, List<String>> startedElsewhere;

    OwnSegmentSagaManager(Builder<T> builder, JdbcTemplate jdbc, String sagaTypeName) {
        super(builder);
        this.jdbc = jdbc;
        this.sagaTypeName = sagaTypeName;
    }

    @Override
    public boolean canHandle(EventMessage<?> event, Segment segment) {
        if (!super.canHandle(event, segment)) {
            return false;
        }
        Set<AssociationValue> associations = extractAssociationValues(event);
        if (associations.isEmpty()) {
            return true;
        }
        for (AssociationValue association : associations) {
            if (segment.matches(association)) {
                return true;
            }
            for (String sagaId : existingSagas().getOrDefault(association, List.of())) {
                if (matchesSegment(segment, sagaId)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Every saga of this type stored when the first event came by. Those started since then were
     * started in their association's segment; those that ended stay listed, which only lets their
     * later events into one more segment, where the lookup finds nothing, as before.
     */
    private Map<AssociationValue, List<String>> existingSagas() {
        Map<AssociationValue, List<String>> known = startedElsewhere;
        if (known == null) {
            synchronized (this) {
                known = startedElsewhere;
                if (known == null) {
                    known = readStoredSagas();
                    startedElsewhere = known;
                }
            }
        }
        return known;
    }

    private Map<AssociationValue, List<String>> readStoredSagas() {
        Map<AssociationValue, List<String>> stored = new HashMap<>();
        jdbc.query("select association_key, association_value, saga_id from association_value_entry "
                        + "where saga_type = ?",
                row -> {
                    stored.computeIfAbsent(new AssociationValue(row.getString(1), row.getString(2)),
                            key -> new ArrayList<>(1)).add(row.getString(3));
                }, sagaTypeName);
        return stored;
    }
}

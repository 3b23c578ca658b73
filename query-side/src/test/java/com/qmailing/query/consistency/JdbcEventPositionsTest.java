package com.qmailing.query.consistency;

import com.qmailing.testing.TestDatabase;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a read waits for its writes: each aggregate's latest event, found by an index whatever the statistics. */
class JdbcEventPositionsTest {

    private JdbcTemplate jdbc;
    private JdbcEventPositions positions;

    @BeforeEach
    void eventTable() {
        // One connection: the plan setting below and the prepared statement stay on it.
        jdbc = new JdbcTemplate(new SingleConnectionDataSource(TestDatabase.freshDatabaseUrl(), true));
        jdbc.execute("create table domain_event_entry (global_index bigserial primary key, "
                + "aggregate_identifier varchar(255) not null, sequence_number bigint not null, "
                + "unique (aggregate_identifier, sequence_number)) with (autovacuum_enabled = false)");
        positions = new JdbcEventPositions(jdbc, EventSchema.builder().eventTable("domain_event_entry")
                .globalIndexColumn("global_index").aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number").build());
    }

    @Test
    void eachKnownAggregatesLatestEventShouldBeWaitedFor() {
        append("mailbox-1", 3);
        append("email-1", 1);
        append("mailbox-1", 2);

        assertThat(positions.after(List.of("mailbox-1", "email-1", "never-written")))
                .containsExactlyInAnyOrder(latest("mailbox-1"), latest("email-1"));
        assertThat(positions.after(List.of("never-written"))).isEmpty();
    }

    @Test
    void theLookupShouldUseTheIndexEvenWhenPlannedOnAnEmptyUnanalysedTable() {
        append("mailbox-1", 1);
        jdbc.execute("set plan_cache_mode = force_generic_plan");
        jdbc.execute("prepare latest_positions(varchar[]) as " + positions.positionQuery().replace("?", "$1"));
        // Planned now, on one row, and kept: inserts do not make the server plan again.
        jdbc.queryForList("execute latest_positions('{mailbox-1}')");
        jdbc.update("insert into domain_event_entry (aggregate_identifier, sequence_number) "
                + "select 'email-' || n, 0 from generate_series(1, 20000) n");

        List<String> plan = jdbc.queryForList("explain execute latest_positions('{email-7,mailbox-1}')", String.class);

        assertThat(String.join("\n", plan)).contains("Index").doesNotContain("Seq Scan on domain_event_entry");
        assertThat(positions.after(List.of("email-7"))).containsExactly(latest("email-7"));
    }

    private void append(String aggregate, int events) {
        for (int i = 0; i < events; i++) {
            jdbc.update("insert into domain_event_entry (aggregate_identifier, sequence_number) "
                    + "select ?, coalesce(max(sequence_number) + 1, 0) from domain_event_entry where aggregate_identifier = ?",
                    aggregate, aggregate);
        }
    }

    private long latest(String aggregate) {
        return jdbc.queryForObject("select max(global_index) from domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregate);
    }
}

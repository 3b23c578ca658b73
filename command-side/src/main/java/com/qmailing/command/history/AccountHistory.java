package com.qmailing.command.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qmailing.command.config.AxonStorageConfiguration;
import com.qmailing.events.audit.AccountEventView;
import com.qmailing.events.audit.ListAccountEventsQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An account's event history as the audit replay and the export read it: straight from the event
 * store, page by page, each payload opened by the event serializer (so sealed fields come back in
 * clear, or as null once their scope was shredded: never as an error) and written out as plain JSON.
 */
@Component
class AccountHistory {

    private static final int MAX_PAGE = 1000;

    private final JdbcTemplate jdbc;
    private final Serializer eventSerializer;
    private final ObjectMapper plain = AxonStorageConfiguration.baseMapper();

    AccountHistory(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.jdbc = jdbc;
        this.eventSerializer = eventSerializer;
    }

    @QueryHandler
    List<AccountEventView> handle(ListAccountEventsQuery query) {
        StringBuilder sql = new StringBuilder("select global_index, time_stamp, aggregate_identifier, sequence_number, "
                + "payload_type, payload_revision, payload from domain_event_entry "
                + "where aggregate_identifier in (select cast(aggregate_id as text) from account_aggregates "
                + "where account_id = ?) and global_index > ?");
        List<Object> arguments = new ArrayList<>(List.of(query.accountId().value(), query.afterGlobalIndex()));
        if (query.until() != null) {
            sql.append(" and cast(time_stamp as timestamptz) <= ?");
            arguments.add(Timestamp.from(query.until()));
        }
        sql.append(" order by global_index limit ?");
        arguments.add(Math.max(1, Math.min(query.limit(), MAX_PAGE)));
        return jdbc.query(sql.toString(), (rs, row) -> view(rs), arguments.toArray());
    }

    private AccountEventView view(ResultSet rs) throws SQLException {
        String type = rs.getString("payload_type");
        String revision = rs.getString("payload_revision");
        Object event = eventSerializer.deserialize(new SimpleSerializedObject<>(rs.getBytes("payload"), byte[].class,
                type, revision));
        return new AccountEventView(rs.getLong("global_index"), Instant.parse(rs.getString("time_stamp")),
                rs.getString("aggregate_identifier"), rs.getLong("sequence_number"),
                type.substring(type.lastIndexOf('.') + 1), revision, json(event));
    }

    private String json(Object event) {
        if (event == null || event instanceof UnknownSerializedType) {
            return null;
        }
        try {
            return plain.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("events are plain records", e);
        }
    }
}

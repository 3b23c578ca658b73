package com.qmailing.query.requestlog;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.ApiTokenId;
import com.qmailing.events.requestlog.ApiRequestRecord;
import com.qmailing.events.requestlog.ListRequestLogQuery;
import com.qmailing.events.requestlog.RecordApiRequestsCommand;
import com.qmailing.events.requestlog.RequestLogPage;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.qmailing.query.support.Rows.instant;
import static com.qmailing.query.support.Rows.timestamp;
import static com.qmailing.query.support.Rows.uuid;

/**
 * The request log (metadata only: time, token, endpoint or tool, status, duration) and each
 * token's {@code lastUsedAt}. Written in batches so that logging costs a request nothing.
 */
@Component
class RequestLog {

    private final JdbcTemplate jdbc;

    RequestLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @CommandHandler
    void handle(RecordApiRequestsCommand command) {
        List<ApiRequestRecord> requests = command.requests();
        jdbc.batchUpdate("insert into api_request_log (at, account_id, token_id, endpoint, status, duration_ms) "
                        + "values (?, ?, ?, ?, ?, ?)", requests, 500,
                (statement, request) -> {
                    statement.setTimestamp(1, timestamp(request.at()));
                    statement.setObject(2, request.accountId().value());
                    statement.setObject(3, request.tokenId() == null ? null : request.tokenId().value());
                    statement.setString(4, request.endpoint());
                    statement.setInt(5, request.status());
                    statement.setLong(6, request.durationMillis());
                });
        Map<UUID, Instant> lastUse = new HashMap<>();
        for (ApiRequestRecord request : requests) {
            if (request.tokenId() != null && request.status() < 400) {
                lastUse.merge(request.tokenId().value(), request.at(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        jdbc.batchUpdate("insert into api_token_usage (token_id, last_used_at) values (?, ?) "
                        + "on conflict (token_id) do update set last_used_at = "
                        + "greatest(api_token_usage.last_used_at, excluded.last_used_at)",
                List.copyOf(lastUse.entrySet()), 500, (statement, use) -> {
                    statement.setObject(1, use.getKey());
                    statement.setTimestamp(2, Timestamp.from(use.getValue()));
                });
    }

    @QueryHandler
    RequestLogPage handle(ListRequestLogQuery query) {
        List<ApiRequestRecord> entries = jdbc.query("select * from api_request_log where account_id = ? "
                        + "order by at desc, id desc offset ? limit ?",
                (rs, row) -> new ApiRequestRecord(instant(rs, "at"), new AccountId(uuid(rs, "account_id")),
                        rs.getObject("token_id") == null ? null : new ApiTokenId(uuid(rs, "token_id")),
                        rs.getString("endpoint"), rs.getInt("status"), rs.getLong("duration_ms")),
                query.accountId().value(), query.offset(), query.limit());
        Long total = jdbc.queryForObject("select count(*) from api_request_log where account_id = ?", Long.class,
                query.accountId().value());
        return new RequestLogPage(entries, total == null ? 0 : total);
    }

    /** @return the number of rows deleted */
    int deleteOlderThan(Instant cutoff) {
        return jdbc.update("delete from api_request_log where at < ?", Timestamp.from(cutoff));
    }
}

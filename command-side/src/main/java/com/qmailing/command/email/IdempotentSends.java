package com.qmailing.command.email;

import com.qmailing.command.config.UuidArrays;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.email.FindIdempotentSendQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/** Which send an Idempotency-Key already names, within its 24-hour window. */
@Component
class IdempotentSends {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    IdempotentSends(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A purged send no longer answers its key: a repeat would point at nothing. */
    void forgetAll(Collection<UUID> emails) {
        UuidArrays.update(jdbc, "delete from send_idempotency_keys where email_id = any(?)", emails);
    }

    void forgetAllOf(AccountId account) {
        jdbc.update("delete from send_idempotency_keys where account_id = ?", account.value());
    }

    @QueryHandler
    Optional<EmailId> handle(FindIdempotentSendQuery query) {
        return jdbc.queryForList("select email_id from send_idempotency_keys where account_id = ? "
                                + "and idempotency_key = ? and created_at >= ?", UUID.class,
                        query.accountId().value(), query.idempotencyKey(),
                        Timestamp.from(clock.instant().minus(Duration.ofHours(24))))
                .stream().findFirst().map(EmailId::new);
    }
}

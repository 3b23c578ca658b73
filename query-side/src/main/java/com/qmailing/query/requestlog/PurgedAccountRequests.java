package com.qmailing.query.requestlog;

import com.qmailing.events.account.AccountPurgedEvent;
import com.qmailing.query.support.ProjectionGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A purged account's request metadata goes with it, before its 30 days are up. The request log is
 * not a projection (a replay does not rebuild it, and no reset empties it); it rides with the token
 * projection only to see the event, and deleting a purged account's rows again on a replay is harmless.
 */
@Component
@ProcessingGroup(ProjectionGroups.TOKENS)
class PurgedAccountRequests {

    private final JdbcTemplate jdbc;

    PurgedAccountRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountPurgedEvent event) {
        jdbc.update("delete from api_request_log where account_id = ?", event.accountId().value());
    }
}

package com.qmailing.command.webhook;

import com.qmailing.command.config.LookupTables;
import com.qmailing.events.account.AccountPurgedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A purged account's endpoints (URL, sealed secret) and pending payloads go in the purge's own
 * transaction, with every other lookup row of the account.
 */
@Component
@ProcessingGroup(LookupTables.FOLLOW_UPS)
class WebhookPurge {

    private final JdbcTemplate jdbc;

    WebhookPurge(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountPurgedEvent event) {
        jdbc.update("delete from webhook_payloads where account_id = ?", event.accountId().value());
        jdbc.update("delete from webhook_endpoints where account_id = ?", event.accountId().value());
    }
}

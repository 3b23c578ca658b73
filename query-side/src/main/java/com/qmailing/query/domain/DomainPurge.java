package com.qmailing.query.domain;

import com.qmailing.events.account.AccountPurgedEvent;
import com.qmailing.query.support.ProjectionGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A purged account's custom domains and their DNS checklists go with it. */
@Component
@ProcessingGroup(ProjectionGroups.ACCOUNTS)
class DomainPurge {

    private final JdbcTemplate jdbc;

    DomainPurge(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountPurgedEvent event) {
        jdbc.update("delete from dns_instruction_view d using custom_domain_view c where d.domain_id = c.domain_id "
                + "and c.account_id = ?", event.accountId().value());
        jdbc.update("delete from custom_domain_view where account_id = ?", event.accountId().value());
    }
}

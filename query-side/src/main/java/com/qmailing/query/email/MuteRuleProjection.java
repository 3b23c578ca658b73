package com.qmailing.query.email;

import com.qmailing.events.account.AccountPurgedEvent;
import com.qmailing.events.email.ListMuteRulesQuery;
import com.qmailing.events.email.MuteRuleView;
import com.qmailing.events.email.MutedSender;
import com.qmailing.events.email.SenderMutedEvent;
import com.qmailing.events.email.SenderUnmutedEvent;
import com.qmailing.query.support.ProjectionGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

import static com.qmailing.query.support.Rows.instant;
import static com.qmailing.query.support.Rows.timestamp;

/**
 * Mute rules, matched by the email lists at query time so muting a sender also mutes the mail
 * already received. Same processing group as the email rows: reset together, replayed together.
 */
@Component
@ProcessingGroup(ProjectionGroups.EMAILS)
class MuteRuleProjection {

    private final JdbcTemplate jdbc;

    MuteRuleProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SenderMutedEvent event) {
        // A shredded pattern (purged account replayed) matches nothing and is not kept.
        if (event.sender() != null) {
            jdbc.update("insert into mute_rule_view (account_id, pattern, created_at) values (?, ?, ?) "
                            + "on conflict do nothing", event.accountId().value(), event.sender().pattern(),
                    timestamp(event.mutedAt()));
        }
    }

    @EventHandler
    void on(SenderUnmutedEvent event) {
        if (event.sender() != null) {
            jdbc.update("delete from mute_rule_view where account_id = ? and pattern = ?", event.accountId().value(),
                    event.sender().pattern());
        }
    }

    @EventHandler
    void on(AccountPurgedEvent event) {
        jdbc.update("delete from mute_rule_view where account_id = ?", event.accountId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate mute_rule_view");
    }

    @QueryHandler
    List<MuteRuleView> handle(ListMuteRulesQuery query) {
        return jdbc.query("select pattern, created_at from mute_rule_view where account_id = ? "
                        + "order by created_at, pattern",
                (rs, row) -> {
                    MutedSender sender = new MutedSender(rs.getString("pattern"));
                    return new MuteRuleView(sender.pattern(), sender.kind(), instant(rs, "created_at"));
                }, query.accountId().value());
    }
}

package com.qmailing.api.mailbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.qmailing.api.core.QueryOnlyGateways;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.mailbox.GetMailboxesQuery;
import com.qmailing.events.mailbox.ListMailboxStampsQuery;
import com.qmailing.events.mailbox.MailboxStamp;
import com.qmailing.events.mailbox.MailboxStatus;
import com.qmailing.events.mailbox.MailboxView;
import org.axonframework.queryhandling.QueryHandler;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The kept renderings hold addresses and names: none may outlive the mailbox's listing (PRIVACY.md P12). */
class RenderedMailboxesTest {

    private final AccountId account = AccountId.random();
    private final Table table = new Table();
    private final RenderedMailboxes rendered = new RenderedMailboxes(QueryOnlyGateways.answeredBy(table),
            new ObjectMapper().registerModule(new JavaTimeModule()), Clock.systemUTC());

    @Test
    void aMailboxNoLongerListedLeavesNoCopyAndUnchangedOnesAreNotReadAgain() {
        MailboxView kept = table.add(account, "kept");
        MailboxView purged = table.add(account, "purged");
        assertThat(rendered.list(account)).hasSize(2);
        assertThat(rendered.keptCopies()).isEqualTo(2);

        table.rows.remove(purged.id());
        table.reads.clear();
        List<RenderedMailboxes.Rendered> after = rendered.list(account);

        assertThat(after).extracting(copy -> copy.view().id()).containsExactly(kept.id());
        assertThat(rendered.keptCopies()).isEqualTo(1);
        assertThat(table.reads).as("the unchanged mailbox comes from its kept rendering").isEmpty();
    }

    @Test
    void copiesOfAnAccountNotListedSinceAreForgotten() {
        table.add(account, "a");
        rendered.list(account);
        Instant listed = Instant.now();

        rendered.forgetListedBefore(listed.minus(RenderedMailboxes.KEEP_FOR));
        assertThat(rendered.keptCopies()).isEqualTo(1);
        rendered.forgetListedBefore(listed.plusSeconds(1));
        assertThat(rendered.keptCopies()).isZero();
    }

    /** The mailbox read model's answers, from memory; records which mailboxes were read whole. */
    static final class Table {

        final Map<MailboxId, MailboxView> rows = new LinkedHashMap<>();
        final List<MailboxId> reads = new ArrayList<>();

        MailboxView add(AccountId account, String localPart) {
            MailboxView view = new MailboxView(MailboxId.random(), account, localPart + "@qmailing.local", localPart,
                    "qmailing.local", "Name of " + localPart, null, false, MailboxStatus.ACTIVE, 0, 0, 0,
                    Instant.now());
            rows.put(view.id(), view);
            return view;
        }

        @QueryHandler
        List<MailboxStamp> stamps(ListMailboxStampsQuery query) {
            return rows.values().stream().filter(row -> row.accountId().equals(query.accountId()))
                    .map(row -> new MailboxStamp(row.id(), 1, 0, 0, 0)).toList();
        }

        @QueryHandler
        List<MailboxView> whole(GetMailboxesQuery query) {
            reads.addAll(query.mailboxIds());
            return query.mailboxIds().stream().map(rows::get).filter(row -> row != null).toList();
        }
    }
}

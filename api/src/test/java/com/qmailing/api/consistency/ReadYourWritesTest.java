package com.qmailing.api.consistency;

import com.qmailing.api.core.QueryOnlyGateways;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.consistency.AwaitProjectionsQuery;
import com.qmailing.events.consistency.ReadModel;
import org.axonframework.queryhandling.QueryHandler;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Which waits a read makes for its account's earlier writes, and what stays in memory meanwhile. */
class ReadYourWritesTest {

    private final Waits waits = new Waits();
    private final ReadYourWrites readYourWrites =
            new ReadYourWrites(QueryOnlyGateways.answeredBy(waits), Duration.ofSeconds(5));
    private final AccountId alice = AccountId.random();
    private final AccountId bob = AccountId.random();

    @Test
    void aReadWaitsOnceForAllOfItsAccountsNotedWritesAndForNoOtherAccounts() {
        MailboxId first = MailboxId.random();
        MailboxId second = MailboxId.random();
        MailboxId bobs = MailboxId.random();
        readYourWrites.wrote(alice, first, ReadModel.MAILBOXES);
        readYourWrites.wrote(alice, second, ReadModel.MAILBOXES, ReadModel.ACCOUNTS);
        readYourWrites.wrote(bob, bobs, ReadModel.EMAILS);
        assertThat(waits.asked).as("writing waits for nothing").isEmpty();

        readYourWrites.settle(alice);
        assertThat(waits.asked).containsExactly(new AwaitProjectionsQuery(
                List.of(first.toString(), second.toString()), Set.of(ReadModel.MAILBOXES, ReadModel.ACCOUNTS)));

        readYourWrites.settle(alice);
        assertThat(waits.asked).as("settled writes are not waited for again").hasSize(1);

        readYourWrites.settle(bob);
        assertThat(waits.asked).last().isEqualTo(new AwaitProjectionsQuery(List.of(bobs.toString()), Set.of(ReadModel.EMAILS)));
        assertThat(readYourWrites.accounts()).isZero();
    }

    @Test
    void anAccountWithTooManyUnsettledWritesWaitsForThemAtItsNextWrite() {
        List<MailboxId> written = IntStream.range(0, ReadYourWrites.MAX_PER_ACCOUNT)
                .mapToObj(i -> MailboxId.random()).toList();
        written.forEach(mailbox -> readYourWrites.wrote(alice, mailbox, ReadModel.MAILBOXES));
        assertThat(waits.asked).isEmpty();

        MailboxId oneMore = MailboxId.random();
        readYourWrites.wrote(alice, oneMore, ReadModel.MAILBOXES);

        assertThat(waits.asked).hasSize(1);
        assertThat(waits.asked.get(0).aggregateIdentifiers()).hasSize(ReadYourWrites.MAX_PER_ACCOUNT + 1)
                .startsWith(written.get(0).toString()).endsWith(oneMore.toString());
        assertThat(readYourWrites.accounts()).isZero();
    }

    @Test
    void writesOlderThanTheWaitsTimeLimitAreForgotten() {
        readYourWrites.wrote(alice, MailboxId.random(), ReadModel.MAILBOXES);
        long afterAlice = System.nanoTime();
        readYourWrites.wrote(bob, MailboxId.random(), ReadModel.MAILBOXES);

        readYourWrites.forgetNotedBefore(afterAlice);

        assertThat(readYourWrites.accounts()).isEqualTo(1);
        readYourWrites.settle(alice);
        assertThat(waits.asked).as("alice's write was forgotten").isEmpty();
        readYourWrites.settle(bob);
        assertThat(waits.asked).hasSize(1);
    }

    /** The query side's barrier, answering at once; records what it was asked to wait for. */
    static final class Waits {

        final List<AwaitProjectionsQuery> asked = new ArrayList<>();

        @QueryHandler
        Boolean handle(AwaitProjectionsQuery query) {
            asked.add(query);
            return true;
        }
    }
}

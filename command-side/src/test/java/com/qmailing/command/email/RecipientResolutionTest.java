package com.qmailing.command.email;

import com.qmailing.command.config.HostedDomains;
import com.qmailing.command.mailbox.AddressRegistry;
import com.qmailing.command.mailbox.StorageCount;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.common.Plan;
import com.qmailing.events.common.PlanCatalog;
import com.qmailing.events.common.PlanLimits;
import com.qmailing.events.email.RecipientRoute;
import com.qmailing.events.email.ResolveRecipientQuery;
import com.qmailing.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** RCPT's answer for a hosted address: the mailbox, or "full" once the account's stored bytes reach its plan's. */
class RecipientResolutionTest {

    private static final long STORAGE_LIMIT = 10_000;

    private static JdbcTemplate jdbc;
    private static AddressRegistry addresses;
    private static StorageCount storage;
    private static RecipientResolution resolution;
    private final AccountId account = AccountId.random();
    private final String name = "r" + account.value().toString().substring(0, 8);
    private final MailboxId inbox = MailboxId.random();
    private final MailboxId archive = MailboxId.random();

    @BeforeAll
    static void database() {
        DataSource dataSource = TestDatabase.migrated();
        jdbc = new JdbcTemplate(dataSource);
        HostedDomains domains = new HostedDomains("qmailing.local");
        addresses = new AddressRegistry(jdbc, domains);
        storage = new StorageCount(jdbc);
        resolution = new RecipientResolution(domains, addresses, new PlanCatalog(Arrays.stream(Plan.values())
                .collect(Collectors.toMap(plan -> plan,
                        plan -> new PlanLimits(true, 10, STORAGE_LIMIT, 100, 1, 1, 100)))));
    }

    @BeforeEach
    void account() {
        jdbc.update("insert into account_registry (account_id, email, plan) values (?, ?, 'FREE')",
                account.value(), name + "@example.org");
        jdbc.update("insert into mailbox_address_registry (address, mailbox_id, account_id) values (?, ?, ?), (?, ?, ?)",
                name + "-inbox@qmailing.local", inbox.value(), account.value(),
                name + "-archive@qmailing.local", archive.value(), account.value());
    }

    @Test
    void anAccountShouldBeFullOnceItsMailboxesTogetherStoreThePlansBytes() {
        addresses.addStorage(inbox, 6_000);
        addresses.addStorage(archive, STORAGE_LIMIT - 6_000 - 1);
        storage.fold();
        assertThat(route(name + "-inbox")).isEqualTo(RecipientRoute.mailbox(inbox, account));

        addresses.addStorage(archive, 1);
        storage.fold();

        assertThat(route(name + "-inbox")).isEqualTo(RecipientRoute.overQuota(inbox, account));
        assertThat(route(name.toUpperCase() + "-Archive+tag")).isEqualTo(RecipientRoute.overQuota(archive, account));

        addresses.removeStorage(inbox, 1);
        storage.fold();
        assertThat(route(name + "-inbox")).as("a purge frees room").isEqualTo(RecipientRoute.mailbox(inbox, account));
    }

    @Test
    void addressesThatAreNotMailboxesShouldSaySo() {
        assertThat(route(name + "-nobody").kind()).isEqualTo(RecipientRoute.Kind.UNKNOWN_ADDRESS);
        assertThat(resolution.handle(new ResolveRecipientQuery(EmailAddress.parse(name + "-inbox@example.org"))).kind())
                .isEqualTo(RecipientRoute.Kind.NOT_HOSTED);
    }

    private RecipientRoute route(String localPart) {
        return resolution.handle(new ResolveRecipientQuery(EmailAddress.parse(localPart + "@qmailing.local")));
    }
}

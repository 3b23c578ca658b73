package com.qmailing.app.deletion;

import com.fasterxml.jackson.databind.JsonNode;
import com.qmailing.app.support.Api;
import com.qmailing.app.support.ShortRetentionTest;
import com.qmailing.command.blob.BlobKey;
import com.qmailing.command.blob.BlobStoreUnavailableException;
import com.qmailing.events.account.PurgeAccountCommand;
import com.qmailing.events.common.AccountId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;

import static com.qmailing.app.support.Mailing.awaitEmails;
import static com.qmailing.app.support.Mailing.createMailbox;
import static com.qmailing.app.support.Mailing.deliver;
import static com.qmailing.app.support.Mailing.uniqueLocalPart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

/**
 * A purge interrupted half way (here: the blob store fails among the purge's steps, which all run in
 * the purged event's transaction) commits nothing, and running it again finishes it. In production the
 * deadline manager runs the failed deadline again minutes later; the test sends the command that
 * deadline would.
 */
class PurgeResumptionTest extends ShortRetentionTest {

    @Autowired
    private CommandGateway commands;
    @Autowired
    private JdbcTemplate jdbc;
    @Value("${qmailing.data-dir}")
    private Path dataDir;

    @Test
    void anAccountPurgeThatFailsHalfWayCommitsNothingAndRunningItAgainFinishesIt() {
        Api.Client owner = admin().newAccount("PRO");
        AccountId account = AccountId.parse(owner.accountId());
        JsonNode mailbox = createMailbox(owner, uniqueLocalPart("resume"));
        deliver(smtp(), mailbox.get("address").asText(), "Still here", "for now");
        awaitEmails(owner, mailbox.get("id").asText(), "INBOX", 1);
        BlobKey blobs = BlobKey.accountPrefix(account);
        doThrow(new BlobStoreUnavailableException("the disk went away")).when(blobStore).deleteAll(eq(blobs));

        owner.delete("/api/v1/account").expect(202);
        verify(blobStore, timeout(PURGE_TIMEOUT.toMillis()).atLeastOnce()).deleteAll(eq(blobs));

        assertThat(purgedEvents(account)).as("the failed purge recorded nothing").isZero();
        assertThat(keys(account)).as("the keys shredded before the failure are back").isPositive();
        assertThat(dataDir.resolve("blobs").resolve(account.toString())).exists();
        assertThat(jdbc.queryForObject("select count(*) from account_registry where account_id = ?", Long.class,
                account.value())).isOne();

        reset(blobStore);
        commands.sendAndWait(new PurgeAccountCommand(account));

        assertThat(purgedEvents(account)).isOne();
        assertThat(keys(account)).isZero();
        assertThat(dataDir.resolve("blobs").resolve(account.toString())).doesNotExist();
        assertThat(jdbc.queryForObject("select count(*) from account_registry where account_id = ?", Long.class,
                account.value())).isZero();

        commands.sendAndWait(new PurgeAccountCommand(account));
        assertThat(purgedEvents(account)).as("purging again records nothing new").isOne();
    }

    private long purgedEvents(AccountId account) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%.AccountPurgedEvent'", Long.class, account.toString());
    }

    private long keys(AccountId account) {
        return jdbc.queryForObject("select count(*) from data_keys where account_id = ?", Long.class, account.value());
    }
}

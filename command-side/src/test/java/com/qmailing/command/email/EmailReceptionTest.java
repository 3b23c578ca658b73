package com.qmailing.command.email;

import com.qmailing.command.blob.BlobKey;
import com.qmailing.command.blob.EncryptedBlobs;
import com.qmailing.command.blob.LocalFolderBlobStore;
import com.qmailing.command.config.HostedDomains;
import com.qmailing.command.crypto.FieldCipher;
import com.qmailing.command.crypto.KeyVault;
import com.qmailing.command.crypto.MasterKey;
import com.qmailing.command.mailbox.AddressRegistry;
import com.qmailing.command.mailbox.ForwardingSettings;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.DataSubject;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.email.EmailHeaders;
import com.qmailing.events.email.ReceiveEmailCommand;
import com.qmailing.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A received message's raw bytes are stored before its group's transaction (ADR 15); what becomes
 * of them when the command commits, and when it does not. Real PostgreSQL, real blob folder.
 */
class EmailReceptionTest {

    @TempDir
    Path blobs;

    private JdbcTemplate jdbc;
    private LocalFolderBlobStore store;
    private KeyVault vault;
    private EmailReception reception;

    @BeforeEach
    void reception() {
        jdbc = new JdbcTemplate(TestDatabase.migrated());
        MasterKey master = MasterKey.fromBase64(MasterKey.generateBase64());
        vault = new KeyVault(jdbc, master);
        store = new LocalFolderBlobStore(blobs);
        EncryptedBlobs encrypted = new EncryptedBlobs(store, vault);
        MessageStorage storage = new MessageStorage(encrypted, new ThreadRegistry(jdbc),
                new AddressRegistry(jdbc, new HostedDomains("qmailing.local")));
        reception = new EmailReception(null, storage, encrypted, new ForwardingSettings(jdbc, new FieldCipher(vault)),
                new ForwardTrace(master));
    }

    @Test
    void aPreparedMessageWhoseCommandNeverCommittedShouldLeaveNeitherItsBytesNorItsKey() {
        ReceiveEmailCommand command = command();
        reception.prepare(command);
        assertThat(store.exists(blobOf(command))).isTrue();
        assertThat(keyRows(command)).isEqualTo(1);

        reception.release(command, false);

        assertThat(store.exists(blobOf(command))).isFalse();
        assertThat(keyRows(command)).isZero();
        assertThat(vault.find(command.emailId().value())).isEmpty();
    }

    @Test
    void aPreparedMessageWhoseCommandCommittedShouldKeepItsBytes() {
        ReceiveEmailCommand command = command();
        reception.prepare(command);

        reception.release(command, true);

        assertThat(store.exists(blobOf(command))).isTrue();
        assertThat(new EncryptedBlobs(store, vault).read(DataSubject.email(command.emailId(), command.accountId()),
                blobOf(command))).hasValueSatisfying(raw -> assertThat(raw).isEqualTo(command.raw()));
    }

    private static ReceiveEmailCommand command() {
        byte[] raw = "Subject: hi\r\nMessage-ID: <m@example.org>\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII);
        EmailHeaders headers = new EmailHeaders("bob@example.org", "Bob", List.of("alice@qmailing.local"), List.of(),
                List.of(), "hi", "hello", "<m@example.org>", null, List.of(), null, List.of());
        return new ReceiveEmailCommand(EmailId.random(), new AccountId(UUID.randomUUID()),
                new MailboxId(UUID.randomUUID()), raw, headers);
    }

    private static BlobKey blobOf(ReceiveEmailCommand command) {
        return BlobKey.email(command.accountId(), command.emailId().value());
    }

    private int keyRows(ReceiveEmailCommand command) {
        return jdbc.queryForObject("select count(*) from data_keys where scope_id = ?", Integer.class,
                command.emailId().value());
    }
}

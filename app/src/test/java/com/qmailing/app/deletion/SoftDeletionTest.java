package com.qmailing.app.deletion;

import com.fasterxml.jackson.databind.JsonNode;
import com.qmailing.app.support.Api;
import com.qmailing.app.support.IntegrationTest;
import com.qmailing.app.support.SmtpClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.qmailing.app.support.Mailing.awaitEmails;
import static com.qmailing.app.support.Mailing.createMailbox;
import static com.qmailing.app.support.Mailing.deliver;
import static com.qmailing.app.support.Mailing.uniqueLocalPart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Promise P11 inside the window (the default 30 days): what a soft delete changes, and that restore undoes it. */
class SoftDeletionTest extends IntegrationTest {

    @Test
    void aDeletedMailboxShowsDeletedRefusesMailAndSendsAndKeepsItsAddressUntilThePurge() {
        Api.Client owner = admin().newAccount("PRO");
        String localPart = uniqueLocalPart("gone");
        JsonNode mailbox = createMailbox(owner, localPart);
        String id = mailbox.get("id").asText();

        JsonNode deleted = owner.delete("/api/v1/pub/mailboxes/" + id).expect(202).json();

        assertThat(deleted.get("id").asText()).isEqualTo(id);
        assertThat(deleted.get("status").asText()).isEqualTo("DELETED");
        Instant purgeAt = Instant.parse(deleted.get("purgeAt").asText());
        assertThat(purgeAt).isCloseTo(Instant.now().plus(Duration.ofDays(30)), within(Duration.ofMinutes(1)));
        assertThat(owner.get("/api/v1/pub/mailboxes/" + id).expect(200).json().get("status").asText())
                .isEqualTo("DELETED");
        try (SmtpClient smtp = smtp()) {
            SmtpClient.expect(250, smtp.mailFrom("bob@example.org"));
            assertThat(smtp.rcptTo(mailbox.get("address").asText())).startsWith("550 5.1.1");
        }
        Api.Response taken = owner.post("/api/v1/pub/mailboxes", Map.of("localPart", localPart));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("code").asText()).isEqualTo("AddressTaken");
        Api.Response send = owner.multipart("/api/v1/pub/email/send", List.of(Api.FormPart.field("command",
                "{\"mailbox_id\":\"" + id + "\",\"to\":[\"bob@example.org\"],\"subject\":\"Hi\"}")), Map.of());
        assertThat(send.status()).isEqualTo(409);
        assertThat(owner.delete("/api/v1/pub/mailboxes/" + id).expect(202).json().get("purgeAt").asText())
                .as("deleting again keeps the first purge date").isEqualTo(deleted.get("purgeAt").asText());
    }

    @Test
    void aRestoredMailboxIsBackWithItsMailAndReceivesAgain() {
        Api.Client owner = admin().newAccount("PRO");
        JsonNode mailbox = createMailbox(owner, uniqueLocalPart("back"));
        String id = mailbox.get("id").asText();
        String address = mailbox.get("address").asText();
        deliver(smtp(), address, "Before", "kept");
        awaitEmails(owner, id, "INBOX", 1);
        owner.delete("/api/v1/pub/mailboxes/" + id).expect(202);

        JsonNode restored = owner.post("/api/v1/pub/mailboxes/" + id + "/restore", Map.of()).expect(200).json();

        assertThat(restored.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(restored.get("emailCount").asLong()).isEqualTo(1);
        deliver(smtp(), address, "After", "again");
        awaitEmails(owner, id, "INBOX", 2);
    }

    @Test
    void anotherAccountCannotDeleteOrRestoreTheMailbox() {
        Api.Client owner = admin().newAccount("PRO");
        Api.Client stranger = admin().newAccount("PRO");
        String id = createMailbox(owner, uniqueLocalPart("mine")).get("id").asText();

        assertThat(stranger.delete("/api/v1/pub/mailboxes/" + id).status()).isEqualTo(404);
        assertThat(stranger.post("/api/v1/pub/mailboxes/" + id + "/restore", Map.of()).status()).isEqualTo(404);
        assertThat(owner.get("/api/v1/pub/mailboxes/" + id).json().get("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void onlyAnEmailInTheTrashCanBeDeletedPermanentlyAndThenItIsGoneAtOnce() {
        Api.Client owner = admin().newAccount("PRO");
        JsonNode mailbox = createMailbox(owner, uniqueLocalPart("trash"));
        String mailboxId = mailbox.get("id").asText();
        deliver(smtp(), mailbox.get("address").asText(), "Throw away", "bye");
        String email = awaitEmails(owner, mailboxId, "INBOX", 1).get(0).get("id").asText();

        Api.Response notTrashed = owner.delete("/api/v1/pub/email/" + email + "?permanent=true");
        assertThat(notTrashed.status()).isEqualTo(409);
        assertThat(notTrashed.json().get("code").asText()).isEqualTo("Conflict");

        owner.delete("/api/v1/pub/email/" + email).expect(202);
        owner.delete("/api/v1/pub/email/" + email + "?permanent=true").expect(202);

        assertThat(owner.get("/api/v1/pub/email/" + email).status()).isEqualTo(404);
        assertThat(owner.download("/api/v1/pub/email/" + email + "/raw").statusCode()).isEqualTo(404);
        JsonNode counted = owner.get("/api/v1/pub/mailboxes/" + mailboxId).expect(200).json();
        assertThat(counted.get("emailCount").asLong()).isZero();
        assertThat(counted.get("sizeBytes").asLong()).isZero();
        assertThat(owner.get("/api/v1/account/usage").expect(200).json().get("storageBytes").asLong()).isZero();
    }

    @Test
    void aDeletedAccountsTokensFailAtOnceExceptTheStarTokenOnRestore() {
        Api.Client owner = admin().newAccount("PRO");
        JsonNode mailbox = createMailbox(owner, uniqueLocalPart("acct"));
        String readOnly = owner.post("/api/v1/account/tokens", Map.of("label", "reader",
                "scopes", List.of("mailboxes:read"))).expect(201).json().get("plaintext").asText();

        JsonNode deletion = owner.delete("/api/v1/account").expect(202).json();

        assertThat(Instant.parse(deletion.get("purgeAt").asText()))
                .isCloseTo(Instant.now().plus(Duration.ofDays(30)), within(Duration.ofMinutes(1)));
        assertThat(owner.get("/api/v1/pub/mailboxes").status()).isEqualTo(401);
        assertThat(owner.get("/api/v1/account/usage").status()).isEqualTo(401);
        assertThat(api().as(readOnly).get("/api/v1/pub/mailboxes").status()).isEqualTo(401);
        assertThat(api().as(readOnly).post("/api/v1/account/restore", Map.of()).status())
                .as("the restore needs a * token").isEqualTo(403);
        try (SmtpClient smtp = smtp()) {
            SmtpClient.expect(250, smtp.mailFrom("bob@example.org"));
            assertThat(smtp.rcptTo(mailbox.get("address").asText())).startsWith("550 5.1.1");
        }

        JsonNode restored = owner.post("/api/v1/account/restore", Map.of()).expect(200).json();

        assertThat(restored.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(owner.get("/api/v1/pub/mailboxes").expect(200).json()).hasSize(1);
        assertThat(api().as(readOnly).get("/api/v1/pub/mailboxes").status()).isEqualTo(200);
        deliver(smtp(), mailbox.get("address").asText(), "Welcome back", "hello");
    }

    @Test
    void theOperatorCanCancelAnAccountsDeletion() {
        Api.Client owner = admin().newAccount("PRO");
        owner.delete("/api/v1/account").expect(202);
        assertThat(admin().get("/api/v1/admin/accounts/" + owner.accountId()).expect(200).json()
                .get("status").asText()).isEqualTo("DELETED");

        JsonNode restored = admin().post("/api/v1/admin/accounts/" + owner.accountId() + "/restore", Map.of())
                .expect(200).json();

        assertThat(restored.get("status").asText()).isEqualTo("ACTIVE");
        owner.get("/api/v1/account/usage").expect(200);
    }
}

package com.qmailing.app.deletion;

import com.fasterxml.jackson.databind.JsonNode;
import com.qmailing.app.support.Api;
import com.qmailing.app.support.ShortRetentionTest;
import com.qmailing.app.support.SmtpClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static com.qmailing.app.support.Mailing.awaitEmails;
import static com.qmailing.app.support.Mailing.createMailbox;
import static com.qmailing.app.support.Mailing.deliver;
import static com.qmailing.app.support.Mailing.uniqueLocalPart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Promises P11 and P12 with a window of seconds: after it, what was deleted is gone for good; what
 * was restored inside it is untouched when its old purge date passes.
 */
class PurgeAfterWindowTest extends ShortRetentionTest {

    @Value("${qmailing.data-dir}")
    private Path dataDir;

    @Test
    void aDeletedMailboxIsPurgedWithItsMailAfterTheWindowAndItsAddressIsFreeAgain() {
        Api.Client owner = admin().newAccount("PRO");
        String localPart = uniqueLocalPart("purged");
        JsonNode doomed = createMailbox(owner, localPart);
        JsonNode kept = createMailbox(owner, uniqueLocalPart("kept"));
        String doomedId = doomed.get("id").asText();
        deliver(smtp(), doomed.get("address").asText(), "First", "one");
        deliver(smtp(), doomed.get("address").asText(), "Second", "two");
        deliver(smtp(), kept.get("address").asText(), "Other", "stays");
        JsonNode doomedMail = awaitEmails(owner, doomedId, "INBOX", 2);
        awaitEmails(owner, kept.get("id").asText(), "INBOX", 1);
        owner.delete("/api/v1/pub/email/" + doomedMail.get(0).get("id").asText()).expect(202);
        long keptBytes = owner.get("/api/v1/pub/mailboxes/" + kept.get("id").asText()).json().get("sizeBytes")
                .asLong();

        assertThat(blob(owner, doomedMail.get(0).get("id").asText())).as("where the raw message lives").exists();

        owner.delete("/api/v1/pub/mailboxes/" + doomedId).expect(202);

        awaitGone(owner, "/api/v1/pub/mailboxes/" + doomedId);
        for (JsonNode email : doomedMail) {
            String id = email.get("id").asText();
            awaitGone(owner, "/api/v1/pub/email/" + id);
            assertThat(blob(owner, id)).doesNotExist();
        }
        JsonNode usage = await().atMost(PURGE_TIMEOUT).until(() -> owner.get("/api/v1/account/usage").json(),
                u -> u.get("mailboxCount").asLong() == 1);
        assertThat(usage.get("storageBytes").asLong()).isEqualTo(keptBytes);
        assertThat(owner.get("/api/v1/pub/email?mailboxId=" + kept.get("id").asText()).json()).hasSize(1);
        assertThat(createMailbox(owner, localPart).get("address").asText())
                .isEqualTo(doomed.get("address").asText());
    }

    @Test
    void aMailboxRestoredInsideTheWindowIsStillThereWhenItsOldPurgeDatePasses() throws InterruptedException {
        Api.Client owner = admin().newAccount("PRO");
        JsonNode mailbox = createMailbox(owner, uniqueLocalPart("saved"));
        String id = mailbox.get("id").asText();
        deliver(smtp(), mailbox.get("address").asText(), "Keep me", "please");
        String email = awaitEmails(owner, id, "INBOX", 1).get(0).get("id").asText();

        owner.delete("/api/v1/pub/mailboxes/" + id).expect(202);
        owner.post("/api/v1/pub/mailboxes/" + id + "/restore", Map.of()).expect(200);
        Thread.sleep(RETENTION.plusSeconds(3).toMillis());

        assertThat(owner.get("/api/v1/pub/mailboxes/" + id).expect(200).json().get("status").asText())
                .isEqualTo("ACTIVE");
        assertThat(owner.download("/api/v1/pub/email/" + email + "/raw").statusCode()).isEqualTo(200);
    }

    @Test
    void anEmailLeftInTheTrashIsPurgedAfterTheWindowAndOneTakenOutStays() {
        Api.Client owner = admin().newAccount("PRO");
        JsonNode mailbox = createMailbox(owner, uniqueLocalPart("bin"));
        String id = mailbox.get("id").asText();
        deliver(smtp(), mailbox.get("address").asText(), "Rubbish", "bin it");
        deliver(smtp(), mailbox.get("address").asText(), "Mistake", "wrong bin");
        JsonNode inbox = awaitEmails(owner, id, "INBOX", 2);
        String rubbish = inbox.get(1).get("id").asText();
        String mistake = inbox.get(0).get("id").asText();

        owner.delete("/api/v1/pub/email/" + rubbish).expect(202);
        owner.delete("/api/v1/pub/email/" + mistake).expect(202);
        owner.post("/api/v1/pub/email/" + mistake + "/restore", Map.of()).expect(200);

        awaitGone(owner, "/api/v1/pub/email/" + rubbish);
        assertThat(blob(owner, rubbish)).doesNotExist();
        assertThat(owner.get("/api/v1/pub/email/" + mistake).expect(200).json().get("folder").asText())
                .isEqualTo("INBOX");
        assertThat(owner.get("/api/v1/pub/mailboxes/" + id).json().get("emailCount").asLong()).isEqualTo(1);
    }

    @Test
    void anAccountWhoseDeletionWasCancelledIsKeptWhenItsOldPurgeDatePasses() throws InterruptedException {
        Api.Client owner = admin().newAccount("PRO");
        JsonNode mailbox = createMailbox(owner, uniqueLocalPart("stay"));

        owner.delete("/api/v1/account").expect(202);
        owner.post("/api/v1/account/restore", Map.of()).expect(200);
        Thread.sleep(RETENTION.plusSeconds(3).toMillis());

        assertThat(owner.get("/api/v1/pub/mailboxes").expect(200).json()).hasSize(1);
        try (SmtpClient smtp = smtp()) {
            SmtpClient.expect(250, smtp.mailFrom("bob@example.org"));
            SmtpClient.expect(250, smtp.rcptTo(mailbox.get("address").asText()));
        }
    }

    private Path blob(Api.Client owner, String emailId) {
        return dataDir.resolve("blobs").resolve(owner.accountId()).resolve(emailId + ".blob");
    }

    private static void awaitGone(Api.Client owner, String path) {
        await().atMost(PURGE_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> owner.get(path).status() == 404);
    }
}

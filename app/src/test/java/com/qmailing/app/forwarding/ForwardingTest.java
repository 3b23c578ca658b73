package com.qmailing.app.forwarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.qmailing.app.support.Api;
import com.qmailing.app.support.IntegrationTest;
import com.qmailing.app.support.SmtpClient;
import com.qmailing.app.support.TestMessages;
import com.qmailing.command.blob.BlobKey;
import com.qmailing.command.blob.BlobStore;
import com.qmailing.events.common.AccountId;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Forwarding end to end: mail arrives over SMTP (or from a hosted mailbox's send) and is forwarded
 * to a hosted mailbox or through the real SMTP relay, which one test takes down and brings back on
 * the same port so a forward meets a temporary failure; retries come after a second.
 */
@TestPropertySource(properties = {
        "qmailing.delivery.retry-delays=PT1S,PT1S,PT1S,PT1S,PT1S",
        "db-scheduler.polling-interval=PT0.2S"
})
class ForwardingTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BlobStore blobs;

    @Test
    void aMessageReceivedOverSmtpIsForwardedToARemoteAddressAsItWasAndKeptInTheMailbox() throws Exception {
        Api.Client alice = admin().newAccount("PRO");
        String target = "alice-" + UUID.randomUUID() + "@example.org";
        JsonNode box = mailbox(alice, target, false);
        String subject = "Tea " + UUID.randomUUID();

        receive(box, subject, "Shall we meet at four?\r\n");

        MimeMessage forwarded = awaitRelayed(target);
        assertThat(forwarded.getSubject()).isEqualTo(subject);
        assertThat(((String) forwarded.getContent()).trim()).isEqualTo("Shall we meet at four?");
        assertThat(forwarded.getFrom()[0].toString()).isEqualTo("carol@example.org");
        assertThat(forwarded.getHeader("X-QMailing-Forwarded")).hasSize(1);
        assertThat(forwarded.getHeader("Return-Path")[0]).contains(box.get("address").asText());
        assertThat(listed(alice, box)).singleElement().satisfies(email ->
                assertThat(email.get("subject").asText()).isEqualTo(subject));
        assertThat(alice.get("/api/v1/account/usage").json().get("sentToday").asInt()).isZero();
    }

    @Test
    void aForwardToAHostedMailboxLandsInItsInbox() {
        Api.Client alice = admin().newAccount("PRO");
        Api.Client bob = admin().newAccount("PRO");
        JsonNode bobBox = mailbox(bob, null, false);
        JsonNode aliceBox = mailbox(alice, bobBox.get("address").asText(), false);
        String subject = "Hosted " + UUID.randomUUID();

        receive(aliceBox, subject, "hello\r\n");

        JsonNode arrived = awaitListed(bob, bobBox, 1).get(0);
        assertThat(arrived.get("subject").asText()).isEqualTo(subject);
        assertThat(arrived.get("fromAddress").asText()).isEqualTo("carol@example.org");
        assertThat(bob.get("/api/v1/pub/email/" + arrived.get("id").asText()).json().get("bodyText").asText())
                .contains("hello");
        assertThat(listed(alice, aliceBox)).hasSize(1);
    }

    @Test
    void aHostedMailboxsSendIsForwardedByTheRecipientMailbox() {
        Api.Client alice = admin().newAccount("PRO");
        Api.Client bob = admin().newAccount("PRO");
        String target = "bob-" + UUID.randomUUID() + "@example.org";
        JsonNode bobBox = mailbox(bob, target, true);
        JsonNode aliceBox = mailbox(alice, null, false);
        String subject = "Local " + UUID.randomUUID();

        alice.multipart("/api/v1/pub/email/send", List.of(Api.FormPart.field("command", "{\"mailbox_id\":\""
                + aliceBox.get("id").asText() + "\",\"to\":[\"" + bobBox.get("address").asText() + "\"],\"subject\":\""
                + subject + "\",\"body_text\":\"via bob\"}")), Map.of()).expect(201);

        MimeMessage forwarded = awaitRelayed(target);
        assertThat(subjectOf(forwarded)).isEqualTo(subject);
        assertThat(listed(bob, bobBox)).isEmpty();
    }

    @Test
    void aForwardOnlyMailboxKeepsNoCopyAndTheForwardCopyIsPurgedOnceDelivered() {
        Api.Client alice = admin().newAccount("PRO");
        String target = "only-" + UUID.randomUUID() + "@example.org";
        JsonNode box = mailbox(alice, target, true);
        long purgedBefore = events("EmailPurgedEvent");

        receive(box, "Only " + UUID.randomUUID(), "passing through\r\n");

        assertThat(subjectOf(awaitRelayed(target))).startsWith("Only ");
        await().atMost(Duration.ofSeconds(20)).until(() -> events("EmailPurgedEvent") > purgedBefore);
        UUID copy = latestForwardCopy();
        assertThat(blobs.get(BlobKey.email(accountOf(copy), copy))).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from data_keys where scope_id = ?", Long.class, copy)).isZero();
        assertThat(listed(alice, box)).isEmpty();
        JsonNode mailbox = alice.get("/api/v1/pub/mailboxes/" + box.get("id").asText()).json();
        assertThat(mailbox.get("emailCount").asInt()).isZero();
        assertThat(mailbox.get("sizeBytes").asLong()).isZero();
        assertThat(alice.get("/api/v1/account/usage").json().get("storageBytes").asLong()).isZero();
    }

    @Test
    void aLoopBetweenTwoMailboxesStopsWhereItClosesWithTheMessageKeptThere() {
        Api.Client alice = admin().newAccount("PRO");
        JsonNode a = mailbox(alice, null, false);
        JsonNode b = mailbox(alice, a.get("address").asText(), true);
        alice.patch("/api/v1/pub/mailboxes/" + a.get("id").asText(),
                Map.of("forwardTo", b.get("address").asText(), "forwardOnly", true)).expect(200);
        long queuedBefore = events("EmailForwardQueuedEvent");
        long purgedBefore = events("EmailPurgedEvent");
        String subject = "Loop " + UUID.randomUUID();

        receive(a, subject, "round and round\r\n");

        JsonNode kept = awaitListed(alice, a, 1).get(0);
        assertThat(kept.get("subject").asText()).isEqualTo(subject);
        // A forwarded to B, B back to A, and A kept it: two forwards, then none.
        await().atMost(Duration.ofSeconds(20)).until(() -> events("EmailForwardQueuedEvent") - queuedBefore == 2
                && events("EmailPurgedEvent") - purgedBefore == 2);
        assertThat(events("EmailForwardQueuedEvent") - queuedBefore).isEqualTo(2);
        assertThat(listed(alice, b)).isEmpty();
        assertThat(listed(alice, a)).hasSize(1);
    }

    @Test
    void aForwardThatComesBackFromOutsideIsKeptNotForwardedAgain() throws Exception {
        Api.Client alice = admin().newAccount("PRO");
        String target = "back-" + UUID.randomUUID() + "@example.org";
        JsonNode box = mailbox(alice, target, true);
        receive(box, "Boomerang " + UUID.randomUUID(), "back to you\r\n");
        MimeMessage forwarded = awaitRelayed(target);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        forwarded.writeTo(bytes);

        // The remote side forwards it, as received, straight back to the mailbox.
        try (SmtpClient smtp = smtp()) {
            SmtpClient.expect(250, smtp.send(target, bytes.toByteArray(), box.get("address").asText()));
        }

        JsonNode kept = awaitListed(alice, box, 1).get(0);
        assertThat(kept.get("subject").asText()).startsWith("Boomerang ");
        assertThat(relayed(target)).hasSize(1);
    }

    @Test
    void aForwardMeetingAnUnreachableRelayIsRetriedUntilItIsDelivered() {
        Api.Client alice = admin().newAccount("PRO");
        String target = "later-" + UUID.randomUUID() + "@example.org";
        JsonNode box = mailbox(alice, target, true);
        long deferredBefore = events("EmailDeliveryDeferredEvent");
        RELAY.stop();
        try {
            String subject = "Later " + UUID.randomUUID();
            receive(box, subject, "eventually\r\n");
            await().atMost(Duration.ofSeconds(30)).until(() -> events("EmailDeliveryDeferredEvent") > deferredBefore);
            UUID copy = latestForwardCopy();
            // What waits to be forwarded is stored encrypted, as all mail is.
            assertThat(blobs.get(BlobKey.email(accountOf(copy), copy))).hasValueSatisfying(stored ->
                    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(subject));
        } finally {
            RELAY.start();
        }

        assertThat(subjectOf(awaitRelayed(target))).startsWith("Later ");
        assertThat(listed(alice, box)).isEmpty();
    }

    @Test
    void aBouncedForwardOfAForwardOnlyMailboxIsKeptInItsInboxRatherThanLost() {
        Api.Client alice = admin().newAccount("PRO");
        JsonNode box = mailbox(alice, "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@qmailing.local",
                true);
        String subject = "Bounce " + UUID.randomUUID();

        receive(box, subject, "no one there\r\n");

        JsonNode kept = awaitListed(alice, box, 1).get(0);
        assertThat(kept.get("subject").asText()).isEqualTo(subject);
        assertThat(alice.get("/api/v1/pub/email/" + kept.get("id").asText()).json().get("bodyText").asText())
                .contains("no one there");
    }

    private void receive(JsonNode box, String subject, String body) {
        String address = box.get("address").asText();
        try (SmtpClient smtp = smtp()) {
            SmtpClient.expect(250, smtp.send("carol@example.org",
                    TestMessages.plain("carol@example.org", address, subject, body), address));
        }
    }

    private static JsonNode mailbox(Api.Client account, String forwardTo, boolean forwardOnly) {
        Map<String, Object> body = new HashMap<>();
        body.put("localPart", "fwd-" + UUID.randomUUID().toString().substring(0, 8));
        if (forwardTo != null) {
            body.put("forwardTo", forwardTo);
            body.put("forwardOnly", forwardOnly);
        }
        return account.post("/api/v1/pub/mailboxes", body).expect(201).json();
    }

    private static JsonNode listed(Api.Client account, JsonNode box) {
        return account.get("/api/v1/pub/email?mailboxId=" + box.get("id").asText()).expect(200).json();
    }

    private static JsonNode awaitListed(Api.Client account, JsonNode box, int count) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> listed(account, box), listed -> listed.size() == count);
    }

    private long events(String type) {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry where payload_type = ?", Long.class,
                "com.qmailing.events.email." + type);
        return count == null ? 0 : count;
    }

    private UUID latestForwardCopy() {
        return jdbc.queryForObject("select aggregate_identifier::uuid from domain_event_entry where payload_type = ? "
                + "order by global_index desc limit 1", UUID.class, "com.qmailing.events.email.EmailForwardQueuedEvent");
    }

    private AccountId accountOf(UUID email) {
        return new AccountId(jdbc.queryForObject("select account_id from account_aggregates where aggregate_id = ?",
                UUID.class, email));
    }

    private static MimeMessage awaitRelayed(String recipient) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> relayed(recipient), list -> !list.isEmpty()).get(0);
    }

    /** What the relay took for this envelope recipient (headers name the original To, not the forward target). */
    private static List<MimeMessage> relayed(String recipient) {
        GreenMailUser user = RELAY.getUserManager().getUserByEmail(recipient);
        if (user == null) {
            return List.of();
        }
        try {
            return RELAY.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                    .map(StoredMessage::getMimeMessage).toList();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}

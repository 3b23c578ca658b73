package com.qmailing.app.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.qmailing.app.support.Api;
import com.qmailing.app.support.IntegrationTest;
import com.qmailing.app.support.SmtpClient;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.qmailing.app.email.ReceiveMailTest.awaitListed;
import static com.qmailing.app.email.ReceiveMailTest.createMailbox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SendMailTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSendToAHostedMailboxLandsInTheirInboxAndTheSendersSentWithOneMessageId() {
        Api.Client alice = admin().newAccount("PRO");
        Api.Client bob = admin().newAccount("PRO");
        JsonNode from = createMailbox(alice);
        JsonNode to = createMailbox(bob);

        Api.Response response = alice.multipart("/api/v1/pub/email/send", List.of(
                Api.FormPart.field("command", "{\"mailbox_id\":\"" + from.get("id").asText() + "\",\"to\":[\""
                        + to.get("address").asText() + "\"],\"subject\":\"Tea at four?\",\"body_text\":\"Shall we?\"}")),
                Map.of());

        response.expect(201);
        JsonNode sent = response.json();
        assertThat(sent.get("folder").asText()).isEqualTo("SENT");
        assertThat(sent.get("read").asBoolean()).isTrue();
        assertThat(sent.get("bodyText").asText()).contains("Shall we?");
        assertThat(sent.get("messageId").asText()).endsWith("@qmailing.local>");
        JsonNode received = awaitListed(bob, to.get("id").asText(), 1).get(0);
        assertThat(received.get("subject").asText()).isEqualTo("Tea at four?");
        JsonNode detail = bob.get("/api/v1/pub/email/" + received.get("id").asText()).expect(200).json();
        assertThat(detail.get("messageId").asText()).isEqualTo(sent.get("messageId").asText());
        assertThat(alice.get("/api/v1/pub/email?folder=SENT").json()).hasSize(1);
        assertThat(alice.get("/api/v1/account/usage").json().get("sentToday").asInt()).isEqualTo(1);
    }

    @Test
    void aSendToOtherDomainsGoesThroughTheRelayAsProperMimeWithBccOnlyOnTheEnvelope() throws Exception {
        Api.Client alice = admin().newAccount("PRO");
        JsonNode from = createMailbox(alice);
        alice.patch("/api/v1/pub/mailboxes/" + from.get("id").asText(), Map.of("displayName", "Älice Ünicode"))
                .expect(200);
        String tag = UUID.randomUUID().toString();
        byte[] pdf = "%PDF-1.4 menu".getBytes(StandardCharsets.US_ASCII);

        Api.Response response = alice.multipart("/api/v1/pub/email/send", List.of(
                new Api.FormPart("command", "command.json", "application/json", ("{\"mailboxId\":\""
                        + from.get("id").asText() + "\",\"to\":[\"bob-" + tag + "@example.org\"],"
                        + "\"cc\":[\"carol-" + tag + "@example.org\"],\"bcc\":[\"eve-" + tag + "@example.net\"],"
                        + "\"subject\":\"Grüße — " + tag + "\",\"bodyText\":\"plain\",\"bodyHtml\":\"<p>rich</p>\"}")
                        .getBytes(StandardCharsets.UTF_8)),
                new Api.FormPart("attachments", "Menü.pdf", "application/pdf", pdf)), Map.of());

        response.expect(201);
        assertThat(response.json().get("bcc").asText()).isEqualTo("eve-" + tag + "@example.net");
        await().atMost(Duration.ofSeconds(10)).until(() -> relayed(tag).size() == 3);
        MimeMessage relayed = relayed(tag).get(0);
        assertThat(relayed.getSubject()).isEqualTo("Grüße — " + tag);
        assertThat(relayed.getHeader("Bcc")).isNull();
        assertThat(relayed.getFrom()[0].toString()).contains(from.get("address").asText());
        assertThat(relayed.getHeader("From")[0]).startsWith("=?UTF-8?");
        assertThat(relayed.getMessageID()).isEqualTo(response.json().get("messageId").asText());
        MimeMultipart mixed = (MimeMultipart) relayed.getContent();
        assertThat(mixed.getContentType()).startsWith("multipart/mixed");
        assertThat(((MimeMultipart) mixed.getBodyPart(0).getContent()).getContentType())
                .startsWith("multipart/alternative");
        assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("Menü.pdf");
        assertThat(Arrays.stream(relayed.getAllRecipients()).map(Object::toString))
                .containsExactlyInAnyOrder("bob-" + tag + "@example.org", "carol-" + tag + "@example.org");
    }

    @Test
    void aReplyThreadsOntoTheMessageItAnswers() {
        Api.Client alice = admin().newAccount("PRO");
        Api.Client bob = admin().newAccount("PRO");
        JsonNode aliceBox = createMailbox(alice);
        JsonNode bobBox = createMailbox(bob);
        try (SmtpClient smtp = smtp()) {
            SmtpClient.expect(250, smtp.send("carol@example.org", ReceiveMailTest.message("carol@example.org",
                    aliceBox.get("address").asText(), "Question", "?\r\n"), aliceBox.get("address").asText()));
        }
        JsonNode question = awaitListed(alice, aliceBox.get("id").asText(), 1).get(0);
        JsonNode original = alice.get("/api/v1/pub/email/" + question.get("id").asText()).json();

        JsonNode reply = send(alice, aliceBox, bobBox.get("address").asText(), "Re: Question",
                ", \"reply_to_id\": \"" + question.get("id").asText() + "\"").expect(201).json();

        assertThat(reply.get("inReplyTo").asText()).isEqualTo(original.get("messageId").asText());
        assertThat(reply.get("threadId").asText()).isEqualTo(original.get("threadId").asText());
    }

    @Test
    void headerInjectionAndBadRecipientsAreRefusedBeforeAnythingIsSent() {
        Api.Client alice = admin().newAccount("PRO");
        JsonNode box = createMailbox(alice);

        assertProblem(send(alice, box, "bob@example.org", "Hi\\r\\nBcc: eve@example.org", ""), 400, "subject");
        assertProblem(send(alice, box, "bob@example.org\\r\\nBcc: eve@example.org", "Hi", ""), 400, "to");
        assertProblem(alice.multipart("/api/v1/pub/email/send", List.of(Api.FormPart.field("command",
                "{\"mailbox_id\":\"" + box.get("id").asText() + "\",\"to\":[]}")), Map.of()), 400, "to");
        assertProblem(alice.multipart("/api/v1/pub/email/send", List.of(Api.FormPart.field("command",
                "{\"mailbox_id\":\"" + box.get("id").asText() + "\",\"to\":[\"a@b.example\"],\"sender\":1}")),
                Map.of()), 400, "sender");
        assertThat(alice.multipart("/api/v1/pub/email/send", List.of(Api.FormPart.field("command",
                "{\"mailbox_id\":\"" + UUID.randomUUID() + "\",\"to\":[\"a@b.example\"]}")), Map.of()).status())
                .isEqualTo(404);
        assertThat(alice.get("/api/v1/pub/email?folder=SENT").json()).isEmpty();
        assertThat(alice.get("/api/v1/account/usage").json().get("sentToday").asInt()).isZero();
    }

    @Test
    void aRepeatedIdempotencyKeyAnswersTheFirstSendAndSendsNothing() {
        Api.Client alice = admin().newAccount("PRO");
        JsonNode box = createMailbox(alice);
        String tag = UUID.randomUUID().toString();
        String command = "{\"mailbox_id\":\"" + box.get("id").asText() + "\",\"to\":[\"once-" + tag
                + "@example.org\"],\"subject\":\"" + tag + "\"}";

        JsonNode first = alice.multipart("/api/v1/pub/email/send", List.of(Api.FormPart.field("command", command)),
                Map.of("Idempotency-Key", tag)).expect(201).json();
        JsonNode second = alice.multipart("/api/v1/pub/email/send", List.of(Api.FormPart.field("command", command)),
                Map.of("Idempotency-Key", tag)).expect(201).json();

        assertThat(second.get("id").asText()).isEqualTo(first.get("id").asText());
        await().atMost(Duration.ofSeconds(10)).until(() -> relayed(tag).size() == 1);
        assertThat(alice.get("/api/v1/pub/email?folder=SENT").json()).hasSize(1);
    }

    @Test
    void theDailySendLimitAnswers429UntilUtcMidnight() {
        Api.Client plus = admin().newAccount("PLUS");
        JsonNode box = createMailbox(plus);
        for (int i = 0; i < 3; i++) {
            send(plus, box, "limit@example.org", "n" + i, "").expect(201);
        }

        Api.Response refused = send(plus, box, "limit@example.org", "one too many", "");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("code").asText()).isEqualTo("RateLimitExceeded");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 86_400L);
        assertThat(refused.json().get("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
        assertThat(plus.get("/api/v1/pub/email?folder=SENT").header("X-Total-Count")).isEqualTo("3");
        send(plus, box, "limit@example.org", "still too many", "").expect(429);
        // A refusal is not counted: the count is raised and undone with the refused transaction.
        assertThat(jdbc.queryForObject("select sent_today from account_registry where account_id = ?", Integer.class,
                UUID.fromString(plus.accountId()))).isEqualTo(3);
    }

    @Test
    void sendingNeedsTheEmailSendScope() {
        Api.Client alice = admin().newAccount("PRO");
        JsonNode box = createMailbox(alice);
        String token = alice.post("/api/v1/account/tokens", Map.of("label", "read only",
                "scopes", new String[]{"email:read", "mailboxes:read"})).expect(201).json().get("plaintext").asText();

        Api.Response refused = send(api().as(token), box, "bob@example.org", "Hi", "");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("requiredScopes").get(0).asText()).isEqualTo("email:send");
    }

    private static Api.Response send(Api.Client client, JsonNode box, String to, String subject, String extra) {
        return client.multipart("/api/v1/pub/email/send", List.of(Api.FormPart.field("command",
                "{\"mailbox_id\":\"" + box.get("id").asText() + "\",\"to\":[\"" + to + "\"],\"subject\":\"" + subject
                        + "\",\"body_text\":\"hello\"" + extra + "}")), Map.of());
    }

    private static List<MimeMessage> relayed(String tag) {
        return Arrays.stream(RELAY.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString()
                        .contains(tag)) || Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(tag));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static void assertProblem(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("code").asText()).isEqualTo("ValidationFailed");
        assertThat(response.json().get("detail").asText()).startsWith(field);
    }
}

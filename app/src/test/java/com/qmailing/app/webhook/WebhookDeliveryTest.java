package com.qmailing.app.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qmailing.app.support.Api;
import com.qmailing.app.support.IntegrationTest;
import com.qmailing.app.support.SmtpClient;
import org.junit.jupiter.api.AfterAll;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks end to end: mail arrives over SMTP, the endpoint on 127.0.0.1 receives it signed.
 * Private addresses are allowed here (the receiver is local), and retries come after half a
 * second: six attempts in all, so that giving up takes seconds rather than a day.
 */
@TestPropertySource(properties = {
        "qmailing.webhooks.allow-private=true",
        "qmailing.webhooks.retry-delays=PT0.5S,PT0.5S,PT0.5S,PT0.5S,PT0.5S",
        "db-scheduler.polling-interval=PT0.2S"
})
class WebhookDeliveryTest extends IntegrationTest {

    private static final String WEBHOOKS = "/api/v1/pub/webhooks";
    private static final int ATTEMPTS = 6;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");
    private static final WebhookReceiver RECEIVER = new WebhookReceiver();

    @Autowired
    EventProcessingConfiguration processing;

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void aReceivedEmailIsPostedToTheEndpointSignedWithItsSecret() throws IOException {
        Api.Client owner = admin().newAccount("PRO");
        String address = mailbox(owner);
        String path = "/signed/" + UUID.randomUUID();
        JsonNode registered = register(owner, path, "email.received");
        byte[] message = message(address, "Tea at four?");

        receive(address, message);

        WebhookReceiver.Request request = RECEIVER.awaitRequests(path, 1).get(0);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("X-QMailing-Event")).isEqualTo("email.received");
        assertThat(request.header("X-QMailing-Delivery")).matches("[0-9a-f-]{36}");
        assertSignedWith(registered.get("plaintext").asText(), request);

        JsonNode body = JSON.readTree(request.body());
        assertThat(body.fieldNames()).toIterable().containsExactly("id", "type", "createdAt", "data");
        assertThat(body.get("type").asText()).isEqualTo("email.received");
        assertThat(body.get("createdAt").asText()).endsWith("Z");
        JsonNode data = body.get("data");
        JsonNode listed = owner.get("/api/v1/pub/email").expect(200).json().get(0);
        assertThat(data.get("emailId").asText()).isEqualTo(listed.get("id").asText());
        assertThat(data.get("mailboxId").asText()).isEqualTo(listed.get("mailboxId").asText());
        assertThat(data.get("from").asText()).isEqualTo("bob@example.org");
        assertThat(data.get("to")).extracting(JsonNode::asText).containsExactly(address);
        assertThat(data.get("subject").asText()).isEqualTo("Tea at four?");
        assertThat(data.get("sizeBytes").asLong()).isEqualTo(message.length);
        assertThat(data.get("receivedAt").asText()).endsWith("Z");
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).doesNotContain("Hello from Bob");

        JsonNode endpoint = awaitEndpoint(owner, e -> e.get("lastStatus").asInt() == 204);
        assertThat(endpoint.get("lastDeliveredAt").asText()).endsWith("Z");
        assertThat(endpoint.get("lastError").isNull()).isTrue();
    }

    @Test
    void aSendReportsEmailSentForDeliveredAndEmailBouncedForRefusedRecipients() throws IOException {
        Api.Client owner = admin().newAccount("PRO");
        var box = owner.post("/api/v1/pub/mailboxes", Map.of("localPart", "sender-" + UUID.randomUUID().toString()
                .substring(0, 8))).expect(201).json();
        String hosted = mailbox(admin().newAccount("PRO"));
        String path = "/outcomes/" + UUID.randomUUID();
        register(owner, path, "email.sent", "email.bounced");

        owner.multipart("/api/v1/pub/email/send", List.of(Api.FormPart.field("command", "{\"mailbox_id\":\""
                + box.get("id").asText() + "\",\"to\":[\"" + hosted + "\",\"nobody-" + UUID.randomUUID()
                + "@qmailing.local\"],\"subject\":\"Outcomes\"}")), Map.of()).expect(201);

        List<WebhookReceiver.Request> requests = RECEIVER.awaitRequests(path, 2);
        Map<String, JsonNode> byType = new java.util.HashMap<>();
        for (WebhookReceiver.Request request : requests) {
            JsonNode body = JSON.readTree(request.body());
            byType.put(body.get("type").asText(), body.get("data"));
        }
        assertThat(byType.keySet()).containsExactlyInAnyOrder("email.sent", "email.bounced");
        assertThat(byType.get("email.sent").get("recipients")).extracting(JsonNode::asText).containsExactly(hosted);
        assertThat(byType.get("email.bounced").get("reason").asText()).startsWith("550 5.1.1");
    }

    @Test
    void aFailingEndpointIsRetriedWithTheSameDeliveryUntilItAnswers2xx() {
        Api.Client owner = admin().newAccount("PRO");
        String address = mailbox(owner);
        String path = "/flaky/" + UUID.randomUUID();
        RECEIVER.answer(path, 500);
        register(owner, path, "*");

        receive(address, message(address, "Try again"));

        JsonNode failing = awaitEndpoint(owner, e -> e.get("lastStatus").asInt() == 500);
        assertThat(failing.get("lastError").asText()).isEqualTo("HTTP 500");
        assertThat(failing.get("lastDeliveredAt").isNull()).isTrue();
        RECEIVER.answer(path, 200);
        JsonNode delivered = awaitEndpoint(owner, e -> e.get("lastStatus").asInt() == 200);
        assertThat(delivered.get("lastError").isNull()).isTrue();
        assertThat(delivered.get("lastDeliveredAt").asText()).endsWith("Z");
        assertThat(delivered.get("enabled").asBoolean()).isTrue();

        List<WebhookReceiver.Request> attempts = RECEIVER.requestsTo(path);
        assertThat(attempts).hasSizeGreaterThanOrEqualTo(2);
        assertThat(attempts).extracting(request -> request.header("X-QMailing-Delivery")).containsOnly(
                attempts.get(0).header("X-QMailing-Delivery"));
        assertThat(attempts).allSatisfy(request -> assertThat(request.body()).isEqualTo(attempts.get(0).body()));
    }

    @Test
    void aRedirectIsAFailureAndIsNotFollowed() {
        Api.Client owner = admin().newAccount("PRO");
        String address = mailbox(owner);
        String path = "/moved/" + UUID.randomUUID();
        String target = "/target/" + UUID.randomUUID();
        RECEIVER.redirect(path, RECEIVER.url(target));
        String id = register(owner, path, "email.received").get("endpoint").get("id").asText();

        receive(address, message(address, "Moved"));

        JsonNode endpoint = awaitEndpoint(owner, e -> e.get("lastStatus").asInt() == 302);
        assertThat(endpoint.get("lastError").asText()).isEqualTo("HTTP 302: redirects are not followed");
        owner.delete(WEBHOOKS + "/" + id).expect(204);
        assertThat(RECEIVER.requestsTo(path)).isNotEmpty();
        assertThat(RECEIVER.requestsTo(target)).isEmpty();
    }

    @Test
    void anEndpointThatFailsEveryAttemptIsDisabledAndStopsReceiving() {
        Api.Client owner = admin().newAccount("PRO");
        String address = mailbox(owner);
        String down = "/down/" + UUID.randomUUID();
        String healthy = "/healthy/" + UUID.randomUUID();
        RECEIVER.answer(down, 503);
        String downId = register(owner, down, "email.received").get("endpoint").get("id").asText();

        receive(address, message(address, "Anyone there?"));

        JsonNode disabled = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> endpoint(owner, downId), e -> !e.get("enabled").asBoolean());
        assertThat(disabled.get("lastStatus").asInt()).isEqualTo(503);
        assertThat(disabled.get("lastError").asText()).isEqualTo("HTTP 503");
        assertThat(disabled.get("active").asBoolean()).isTrue();
        assertThat(RECEIVER.requestsTo(down)).hasSize(ATTEMPTS);

        register(owner, healthy, "email.received");
        receive(address, message(address, "Still there?"));
        RECEIVER.awaitRequests(healthy, 1);
        assertThat(RECEIVER.requestsTo(down)).hasSize(ATTEMPTS);
    }

    @Test
    void onlyActiveEndpointsSubscribedToTheTypeReceiveIt() {
        Api.Client owner = admin().newAccount("PRO");
        String address = mailbox(owner);
        String revoked = "/revoked/" + UUID.randomUUID();
        String sentOnly = "/sent-only/" + UUID.randomUUID();
        String everything = "/everything/" + UUID.randomUUID();
        String revokedId = register(owner, revoked, "email.received").get("endpoint").get("id").asText();
        owner.delete(WEBHOOKS + "/" + revokedId).expect(204);
        register(owner, sentOnly, "email.sent");
        register(owner, everything, "*");

        receive(address, message(address, "Who hears this?"));

        RECEIVER.awaitRequests(everything, 1);
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2))
                .until(() -> RECEIVER.requestsTo(revoked).isEmpty() && RECEIVER.requestsTo(sentOnly).isEmpty());
    }

    @Test
    void replayingEveryProjectionSendsNothingAgain() {
        Api.Client owner = admin().newAccount("PRO");
        String address = mailbox(owner);
        String path = "/replayed/" + UUID.randomUUID();
        register(owner, path, "email.received");
        receive(address, message(address, "Only once"));
        RECEIVER.awaitRequests(path, 1);
        awaitEndpoint(owner, e -> e.get("lastStatus").asInt() == 204);

        processing.eventProcessors().forEach((name, processor) -> {
            if (name.startsWith("projection.") && processor instanceof StreamingEventProcessor streaming) {
                streaming.shutDown();
                streaming.resetTokens();
                streaming.start();
            }
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> owner.get("/api/v1/pub/email").expect(200).json().size()
                == 1 && owner.get(WEBHOOKS).expect(200).json().get(0).get("lastStatus").asInt() == 204);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> RECEIVER.requestsTo(path).size() == 1);
    }

    private JsonNode register(Api.Client owner, String path, String... events) {
        return owner.post(WEBHOOKS, Map.of("url", RECEIVER.url(path), "events", List.of(events))).expect(201).json();
    }

    private static JsonNode endpoint(Api.Client owner, String id) {
        for (JsonNode endpoint : owner.get(WEBHOOKS).expect(200).json()) {
            if (endpoint.get("id").asText().equals(id)) {
                return endpoint;
            }
        }
        throw new AssertionError("no endpoint " + id);
    }

    /** The account's only endpoint, once it satisfies the condition. */
    private static JsonNode awaitEndpoint(Api.Client owner, java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> owner.get(WEBHOOKS).expect(200).json().get(0), condition::test);
    }

    private static String mailbox(Api.Client owner) {
        return owner.post("/api/v1/pub/mailboxes", Map.of("localPart", "hooked-" + UUID.randomUUID()
                .toString().substring(0, 8))).expect(201).json().get("address").asText();
    }

    private void receive(String address, byte[] message) {
        try (SmtpClient smtp = smtp()) {
            SmtpClient.expect(250, smtp.send("bob@example.org", message, address));
        }
    }

    private static byte[] message(String to, String subject) {
        return ("From: Bob <bob@example.org>\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nMessage-ID: <"
                + UUID.randomUUID() + "@example.org>\r\n\r\nHello from Bob\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Verifies as API.md tells receivers to: HMAC-SHA256 of "<t>.<raw body>" with the secret, and a fresh t. */
    private static void assertSignedWith(String secret, WebhookReceiver.Request request) {
        Matcher signature = SIGNATURE.matcher(request.header("X-QMailing-Signature"));
        assertThat(signature.matches()).as(request.header("X-QMailing-Signature")).isTrue();
        long t = Long.parseLong(signature.group(1));
        assertThat(Math.abs(Instant.now().getEpochSecond() - t)).isLessThan(300);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(request.body());
            assertThat(MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature.group(2)))).isTrue();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}

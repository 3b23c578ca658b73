package com.qmailing.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qmailing.app.support.Api;
import com.qmailing.app.support.ShortRetentionTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.qmailing.app.support.Mailing.awaitEmails;
import static com.qmailing.app.support.Mailing.createMailbox;
import static com.qmailing.app.support.Mailing.deliver;
import static com.qmailing.app.support.Mailing.uniqueLocalPart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The operator's audit replay: an account's whole history, decrypted, in order, as NDJSON. */
class AuditReplayTest extends ShortRetentionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theHistoryOfAnAccountReplaysInStoreOrderWithItsPersonalFieldsInClear() {
        Api.Client owner = admin().newAccount("PRO");
        JsonNode mailbox = owner.post("/api/v1/pub/mailboxes", Map.of("localPart", uniqueLocalPart("audit"),
                "displayName", "Audited Alice")).expect(201).json();
        deliver(smtp(), mailbox.get("address").asText(), "Audit me", "hello");
        awaitEmails(owner, mailbox.get("id").asText(), "INBOX", 1);

        Api.Response replay = admin().get("/api/v1/admin/accounts/" + owner.accountId() + "/events").expect(200);

        assertThat(replay.header("Content-Type")).startsWith("application/x-ndjson");
        List<JsonNode> events = lines(replay.body());
        assertThat(events).extracting(event -> event.get("type").asText())
                .containsSubsequence("AccountCreatedEvent", "ApiTokenIssuedEvent", "MailboxCreatedEvent",
                        "EmailReceivedEvent");
        assertThat(events).extracting(event -> event.get("globalIndex").asLong()).isSorted();
        assertThat(events.get(0).fieldNames()).toIterable().containsExactly("globalIndex", "timestamp",
                "aggregateId", "sequence", "type", "revision", "payload");
        assertThat(events.get(0).get("aggregateId").asText()).isEqualTo(owner.accountId());
        assertThat(events.get(0).get("payload").get("email").asText()).endsWith("@example.com");
        assertThat(event(events, "MailboxCreatedEvent").get("payload").get("displayName").asText())
                .isEqualTo("Audited Alice");
        assertThat(event(events, "EmailReceivedEvent").get("payload").get("headers").get("subject").asText())
                .isEqualTo("Audit me");
    }

    @Test
    void untilCutsTheHistoryAtAMoment() {
        Api.Client owner = admin().newAccount("PRO");
        List<JsonNode> before = lines(admin().get("/api/v1/admin/accounts/" + owner.accountId() + "/events")
                .expect(200).body());
        Instant cut = Instant.parse(before.get(before.size() - 1).get("timestamp").asText());
        await().atMost(Duration.ofSeconds(2)).until(() -> Instant.now().isAfter(cut.plusMillis(10)));
        createMailbox(owner, uniqueLocalPart("later"));

        List<JsonNode> untilCut = lines(admin().get("/api/v1/admin/accounts/" + owner.accountId() + "/events?until="
                + cut).expect(200).body());
        List<JsonNode> all = lines(admin().get("/api/v1/admin/accounts/" + owner.accountId() + "/events")
                .expect(200).body());

        assertThat(untilCut).hasSameSizeAs(before);
        assertThat(all).hasSize(before.size() + 1);
    }

    @Test
    void aPurgedAccountStillReplaysWithEveryPersonalFieldNull() {
        Api.Client owner = admin().newAccount("PRO");
        JsonNode mailbox = createMailbox(owner, uniqueLocalPart("shredded"));
        deliver(smtp(), mailbox.get("address").asText(), "Soon unreadable", "bye");
        awaitEmails(owner, mailbox.get("id").asText(), "INBOX", 1);
        owner.delete("/api/v1/account").expect(202);

        List<JsonNode> events = await().atMost(PURGE_TIMEOUT).until(() -> lines(admin()
                        .get("/api/v1/admin/accounts/" + owner.accountId() + "/events").expect(200).body()),
                replayed -> replayed.get(replayed.size() - 1).get("type").asText().equals("AccountPurgedEvent"));

        JsonNode created = event(events, "AccountCreatedEvent").get("payload");
        assertThat(created.get("email").isNull()).isTrue();
        assertThat(created.get("name").isNull()).isTrue();
        assertThat(created.get("plan").asText()).isEqualTo("PRO");
        assertThat(event(events, "MailboxCreatedEvent").get("payload").get("address").isNull()).isTrue();
        assertThat(event(events, "EmailReceivedEvent").get("payload").get("headers").isNull()).isTrue();
        assertThat(event(events, "ApiTokenIssuedEvent").get("payload").get("label").isNull()).isTrue();
    }

    @Test
    void anUnknownAccountIsNotFoundAndABadMomentIsRefused() {
        assertThat(admin().get("/api/v1/admin/accounts/" + UUID.randomUUID() + "/events").status()).isEqualTo(404);
        Api.Client owner = admin().newAccount("PRO");
        Api.Response refused = admin().get("/api/v1/admin/accounts/" + owner.accountId() + "/events?until=yesterday");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asText()).startsWith("until");
        assertThat(owner.get("/api/v1/admin/accounts/" + owner.accountId() + "/events").status()).isEqualTo(401);
    }

    private static JsonNode event(List<JsonNode> events, String type) {
        return events.stream().filter(event -> event.get("type").asText().equals(type)).findFirst().orElseThrow();
    }

    private static List<JsonNode> lines(String ndjson) {
        List<JsonNode> events = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            if (!line.isBlank()) {
                try {
                    events.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return events;
    }
}

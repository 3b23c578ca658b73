package com.qmailing.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.qmailing.app.support.Api;
import com.qmailing.app.support.IntegrationTest;
import com.qmailing.app.support.Mailing;
import com.qmailing.app.support.PausedProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.qmailing.app.api.AuthenticationTest.shortId;
import static org.assertj.core.api.Assertions.assertThat;

class MailboxApiTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    /** The list keeps each mailbox rendered while it is unchanged; after each kind of change it is still what a get says. */
    @Test
    void theListIsEveryMailboxAsItsGetAnswersItAfterEachKindOfChange() {
        Api.Client owner = admin().newAccount("PRO");
        List<String> ids = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonNode created = owner.post("/api/v1/pub/mailboxes", Map.of("localPart", "kept-" + i + "-" + shortId(),
                    "displayName", "Box \"" + i + "\" ü☃ </script>")).expect(201).json();
            ids.add(created.get("id").asText());
            addresses.add(created.get("address").asText());
        }
        assertListIsTheGets(owner, ids);

        owner.patch("/api/v1/pub/mailboxes/" + ids.get(0), Map.of("displayName", "Renamed")).expect(200);
        assertThat(assertListIsTheGets(owner, ids)).contains("\"displayName\":\"Renamed\"");

        Mailing.deliver(smtp(), addresses.get(1), "Counted", "Only the counters change.");
        Mailing.awaitEmails(owner, ids.get(1), "INBOX", 1);
        assertThat(assertListIsTheGets(owner, ids)).contains("\"emailCount\":1,\"unreadCount\":1");

        owner.delete("/api/v1/pub/mailboxes/" + ids.get(2)).expect(202);
        assertThat(assertListIsTheGets(owner, ids)).contains("\"status\":\"DELETED\"");
    }

    /** Versions come from the table, not from the projection's code: a change made by hand is listed too. */
    @Test
    void aRowChangedOutsideTheProjectionIsListedAsItIsNow() {
        Api.Client owner = admin().newAccount("PRO");
        String id = owner.post("/api/v1/pub/mailboxes", Map.of("localPart", "by-hand-" + shortId(),
                "displayName", "Before")).expect(201).json().get("id").asText();
        assertThat(owner.get("/api/v1/pub/mailboxes").expect(200).body()).contains("\"Before\"");

        jdbc.update("update mailbox_view set display_name = 'After' where mailbox_id = ?", UUID.fromString(id));

        assertThat(owner.get("/api/v1/pub/mailboxes").expect(200).json().findValuesAsText("displayName"))
                .containsExactly("After");
    }

    /** The list's body, byte for byte the gets' bodies in an array. */
    private static String assertListIsTheGets(Api.Client owner, List<String> ids) {
        String list = owner.get("/api/v1/pub/mailboxes").expect(200).body();
        String gets = ids.stream().map(id -> owner.get("/api/v1/pub/mailboxes/" + id).expect(200).body())
                .collect(Collectors.joining(",", "[", "]"));
        assertThat(list).isEqualTo(gets);
        return list;
    }

    @Test
    void createdMailboxIsImmediatelyListedAndReadable() {
        Api.Client owner = admin().newAccount("PRO");
        String localPart = "Fresh-" + shortId();
        Api.Response created = owner.post("/api/v1/pub/mailboxes",
                Map.of("localPart", localPart, "displayName", "Fresh Box")).expect(201);
        JsonNode mailbox = created.json();
        assertThat(created.header("Location")).isEqualTo("/api/v1/pub/mailboxes/" + mailbox.get("id").asText());
        assertThat(mailbox.get("localPart").asText()).isEqualTo(localPart.toLowerCase());
        assertThat(mailbox.get("address").asText()).isEqualTo(localPart.toLowerCase() + "@qmailing.local");
        assertThat(mailbox.get("domain").asText()).isEqualTo("qmailing.local");
        assertThat(mailbox.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(mailbox.get("forwardOnly").asBoolean()).isFalse();
        assertThat(mailbox.get("emailCount").asLong()).isZero();
        assertThat(mailbox.get("unreadCount").asLong()).isZero();
        assertThat(mailbox.get("sizeBytes").asLong()).isZero();
        assertThat(mailbox.has("forwardTo")).isTrue();
        assertThat(mailbox.get("id").asText()).matches("[0-9a-f-]{36}");

        assertThat(owner.get("/api/v1/pub/mailboxes").expect(200).json().findValuesAsText("id"))
                .containsExactly(mailbox.get("id").asText());
        assertThat(owner.get("/api/v1/pub/mailboxes/" + mailbox.get("id").asText()).expect(200).json())
                .isEqualTo(mailbox);
    }

    /** The create is answered from the command; the list and the get read the projection's row: the same bytes. */
    @Test
    void theCreateAnswersTheMailboxExactlyAsEveryLaterReadShowsIt() {
        Api.Client owner = admin().newAccount("PRO");
        Map<String, Object> request = new HashMap<>();
        request.put("localPart", "Exact.Same-" + shortId());
        request.put("displayName", "  Box \"quoted\" ü☃ </script> ");
        request.put("forwardTo", "Someone.Else@Example.COM");
        request.put("forwardOnly", true);
        Api.Response response = owner.post("/api/v1/pub/mailboxes", request).expect(201);
        String created = response.body();
        String id = response.json().get("id").asText();

        assertThat(owner.get("/api/v1/pub/mailboxes/" + id).expect(200).body()).isEqualTo(created);
        assertThat(owner.get("/api/v1/pub/mailboxes").expect(200).body()).isEqualTo("[" + created + "]");
    }

    /**
     * Read-your-writes is settled at the account's next read (ADR 13): the create does not wait for
     * the mailbox projection, and the list right after it waits until the projection has the mailbox.
     */
    @Test
    void aCreateWaitsForNoProjectionAndTheAccountsNextReadWaitsForItsCreate() throws Exception {
        Api.Client owner = admin().newAccount("PRO");
        try (PausedProjection mailboxes = PausedProjection.pause(processing, "projection.mailboxes")) {
            String id = owner.post("/api/v1/pub/mailboxes", Map.of("localPart", "later-" + shortId()))
                    .expect(201).json().get("id").asText();
            assertThat(jdbc.queryForObject("select count(*) from mailbox_view where mailbox_id = ?", Long.class,
                    UUID.fromString(id))).as("answered before the projection had the mailbox").isZero();

            mailboxes.resumeAfter(Duration.ofMillis(500));
            assertThat(owner.get("/api/v1/pub/mailboxes").expect(200).json().findValuesAsText("id"))
                    .containsExactly(id);
        }
    }

    @Test
    void eachCreatedMailboxIsInTheListTheGetAndTheUsageAsSoonAsItsCreateIsAnswered() {
        Api.Client owner = admin().newAccount("PRO");
        for (int created = 1; created <= 5; created++) {
            String id = owner.post("/api/v1/pub/mailboxes", Map.of("localPart", "ryw-" + created + "-" + shortId()))
                    .expect(201).json().get("id").asText();

            assertThat(owner.get("/api/v1/pub/mailboxes").expect(200).json().findValuesAsText("id"))
                    .hasSize(created).contains(id);
            assertThat(owner.get("/api/v1/pub/mailboxes/" + id).expect(200).json().get("status").asText())
                    .isEqualTo("ACTIVE");
            assertThat(owner.get("/api/v1/account/usage").expect(200).json().get("mailboxCount").asLong())
                    .isEqualTo(created);
        }
    }

    @Test
    void addressesAreUniqueCaseInsensitivelyAcrossAccounts() {
        String localPart = "dup-" + shortId();
        admin().newAccount("PRO").post("/api/v1/pub/mailboxes", Map.of("localPart", localPart)).expect(201);
        Api.Client other = admin().newAccount("PRO");

        Api.Response taken = other.post("/api/v1/pub/mailboxes", Map.of("localPart", localPart.toUpperCase()))
                .expect(409);

        assertThat(taken.json().get("code").asText()).isEqualTo("AddressTaken");
        assertThat(other.get("/api/v1/account/usage").json().get("mailboxCount").asLong()).isZero();
        assertThat(other.get("/api/v1/pub/mailboxes").json()).isEmpty();
    }

    @Test
    void reservedLocalPartsBelongToTheInstance() {
        Api.Client owner = admin().newAccount("PRO");
        for (String reserved : List.of("postmaster", "Abuse")) {
            assertThat(owner.post("/api/v1/pub/mailboxes", Map.of("localPart", reserved)).expect(409)
                    .json().get("code").asText()).isEqualTo("AddressTaken");
        }
    }

    @Test
    void illegalLocalPartsAreRefusedNamingTheField() {
        Api.Client owner = admin().newAccount("PRO");
        for (String bad : List.of("", "a".repeat(65), ".dot", "dot.", "a..b", "has space", "plus+tag",
                "\u0430lice", "zero\u200bwidth", "evil\u202eslp", "quote\"", "new\nline")) {
            Api.Response refused = owner.post("/api/v1/pub/mailboxes", Map.of("localPart", bad));
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.json().get("code").asText()).isEqualTo("ValidationFailed");
            assertThat(refused.json().get("detail").asText()).startsWith("localPart: ");
        }
        assertThat(owner.get("/api/v1/pub/mailboxes").json()).isEmpty();
    }

    @Test
    void aDomainThatIsNotHostedIsRefused() {
        Api.Client owner = admin().newAccount("PRO");
        Api.Response refused = owner.post("/api/v1/pub/mailboxes",
                Map.of("localPart", "x", "domain", "example.com")).expect(400);
        assertThat(refused.json().get("detail").asText()).startsWith("domain: ");
    }

    @Test
    void theMailboxQuotaOfThePlanHoldsExactly() {
        Api.Client owner = admin().newAccount("PLUS");
        for (int i = 0; i < 10; i++) {
            owner.post("/api/v1/pub/mailboxes", Map.of("localPart", "quota-" + i + "-" + shortId())).expect(201);
        }
        Api.Response refused = owner.post("/api/v1/pub/mailboxes", Map.of("localPart", "one-too-many-" + shortId()))
                .expect(402);
        assertThat(refused.json().get("code").asText()).isEqualTo("MailboxQuotaExceeded");
        owner.post("/api/v1/pub/mailboxes", Map.of("localPart", "still-too-many-" + shortId())).expect(402);
        // A refusal takes no slot: the count is raised and undone with the refused transaction.
        assertThat(jdbc.queryForObject("select mailbox_count from account_registry where account_id = ?", Long.class,
                UUID.fromString(owner.accountId()))).isEqualTo(10);
        JsonNode usage = owner.get("/api/v1/account/usage").expect(200).json();
        assertThat(usage.get("mailboxCount").asLong()).isEqualTo(10);
        assertThat(usage.get("mailboxLimit").asLong()).isEqualTo(10);
        assertThat(usage.get("plan").asText()).isEqualTo("PLUS");
    }

    @Test
    void aDeletedMailboxCountsInTheUsageAsInTheQuotaUntilItsPurge() {
        Api.Client owner = admin().newAccount("PLUS");
        String doomed = null;
        for (int i = 0; i < 10; i++) {
            doomed = owner.post("/api/v1/pub/mailboxes", Map.of("localPart", "held-" + i + "-" + shortId()))
                    .expect(201).json().get("id").asText();
        }

        owner.delete("/api/v1/pub/mailboxes/" + doomed).expect(202);

        assertThat(owner.get("/api/v1/account/usage").expect(200).json().get("mailboxCount").asLong())
                .isEqualTo(10);
        assertThat(owner.post("/api/v1/pub/mailboxes", Map.of("localPart", "not-yet-" + shortId()))
                .expect(402).json().get("code").asText()).isEqualTo("MailboxQuotaExceeded");
    }

    @Test
    void patchChangesOnlyTheFieldsSentAndNullClears() {
        Api.Client owner = admin().newAccount("PRO");
        String id = owner.post("/api/v1/pub/mailboxes", Map.of("localPart", "patch-" + shortId(),
                "displayName", "Before")).expect(201).json().get("id").asText();

        JsonNode forwarded = owner.patch("/api/v1/pub/mailboxes/" + id,
                Map.of("forward_to", "Someone@Example.COM", "forwardOnly", true)).expect(200).json();
        assertThat(forwarded.get("displayName").asText()).isEqualTo("Before");
        assertThat(forwarded.get("forwardTo").asText()).isEqualTo("Someone@example.com");
        assertThat(forwarded.get("forwardOnly").asBoolean()).isTrue();

        Map<String, Object> clear = new HashMap<>();
        clear.put("displayName", null);
        JsonNode cleared = owner.patch("/api/v1/pub/mailboxes/" + id, clear).expect(200).json();
        assertThat(cleared.get("displayName").isNull()).isTrue();
        assertThat(cleared.get("forwardTo").asText()).isEqualTo("Someone@example.com");
    }

    @Test
    void patchRefusesBadForwardingAndHeaderInjection() {
        Api.Client owner = admin().newAccount("PRO");
        JsonNode mailbox = owner.post("/api/v1/pub/mailboxes", Map.of("localPart", "guard-" + shortId()))
                .expect(201).json();
        String path = "/api/v1/pub/mailboxes/" + mailbox.get("id").asText();

        assertThat(owner.patch(path, Map.of("forwardTo", "not an address")).expect(400).json()
                .get("detail").asText()).startsWith("forwardTo: ");
        assertThat(owner.patch(path, Map.of("forwardTo", mailbox.get("address").asText().toUpperCase()))
                .expect(400).json().get("detail").asText()).startsWith("forwardTo: ");
        assertThat(owner.patch(path, Map.of("displayName", "Eve\r\nBcc: victim@example.com")).expect(400).json()
                .get("detail").asText()).startsWith("displayName: ");
        assertThat(owner.patch(path, Map.of("displayName", "Bank \u202Eevil")).expect(400).json()
                .get("detail").asText()).startsWith("displayName: ");
        assertThat(owner.patch(path, Map.of("forwardOnly", true)).expect(400).json()
                .get("detail").asText()).startsWith("forwardOnly: ");
        assertThat(owner.patch(path, Map.of("displayName", "x".repeat(256))).expect(400).json()
                .get("detail").asText()).startsWith("displayName: ");
        assertThat(owner.get(path).json()).isEqualTo(mailbox);
    }

    @Test
    void badBodiesGetStableCodes() {
        Api.Client owner = admin().newAccount("PRO");
        assertThat(owner.post("/api/v1/pub/mailboxes", "{\"localPart\":").expect(400).json().get("detail")
                .asText()).isEqualTo("body: malformed JSON");
        assertThat(owner.post("/api/v1/pub/mailboxes", "[1,2]").expect(400).json().get("code").asText())
                .isEqualTo("ValidationFailed");
        assertThat(owner.post("/api/v1/pub/mailboxes", "").expect(400).json().get("code").asText())
                .isEqualTo("ValidationFailed");
        assertThat(owner.send("POST", "/api/v1/pub/mailboxes", "localPart=x", "text/plain").expect(415)
                .json().get("code").asText()).isEqualTo("UnsupportedMediaType");
        String tenMegabytes = "{\"localPart\":\"big\",\"displayName\":\"" + "x".repeat(10 << 20) + "\"}";
        assertThat(owner.post("/api/v1/pub/mailboxes", tenMegabytes).expect(413).json().get("code").asText())
                .isEqualTo("PayloadTooLarge");
        assertThat(owner.get("/api/v1/pub/mailboxes").json()).isEmpty();
    }

    @Test
    void unknownPathsAndMethodsAreProblemsNotPages() {
        Api.Response missing = operator().get("/api/v1/pub/nothing-here").expect(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        Api.Response method = operator().send("PUT", "/api/v1/pub/mailboxes", "{}", "application/json").expect(405);
        assertThat(method.json().get("code").asText()).isEqualTo("MethodNotAllowed");
        assertThat(method.header("Allow")).contains("GET");
    }
}

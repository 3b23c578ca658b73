package com.qmailing.app.mcp;

import com.qmailing.app.support.Api;
import com.qmailing.app.support.PausedProjection;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class McpMailboxToolsTest extends McpTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void listAndGetMailboxAnswerExactlyTheRestJsonPrettyPrinted() {
        Api.Client owner = admin().newAccount("PRO");
        String id = owner.post("/api/v1/pub/mailboxes", Map.of("localPart", unique("first"), "displayName", "First"))
                .expect(201).json().get("id").asText();
        owner.post("/api/v1/pub/mailboxes", Map.of("localPart", unique("second"))).expect(201);
        McpSyncClient client = mcp(owner);

        CallToolResult listed = call(client, "qmailing_list_mailboxes", Map.of());
        assertThat(listed.content()).hasSize(1);
        assertThat(listed.meta()).isNull();
        assertThat(texts(listed).get(0)).startsWith("[ {\n");
        assertThat(json(listed)).isEqualTo(owner.get("/api/v1/pub/mailboxes").expect(200).json()).hasSize(2);
        assertThat(json(call(client, "qmailing_get_mailbox", Map.of("id", id))))
                .isEqualTo(owner.get("/api/v1/pub/mailboxes/" + id).expect(200).json());
    }

    /** As in REST (ADR 13): the create tool waits for no projection, the account's next tool call waits for it. */
    @Test
    void aCreatedMailboxIsInTheNextToolCallsListThoughItsCreateDidNotWait() throws Exception {
        Api.Client owner = admin().newAccount("PRO");
        McpSyncClient client = mcp(owner);
        try (PausedProjection mailboxes = PausedProjection.pause(processing, "projection.mailboxes")) {
            String id = json(call(client, "qmailing_create_mailbox", Map.of("localPart", unique("later"))))
                    .get("id").asText();

            mailboxes.resumeAfter(Duration.ofMillis(500));
            assertThat(json(call(client, "qmailing_list_mailboxes", Map.of())).findValuesAsText("id"))
                    .containsExactly(id);
        }
    }

    @Test
    void createMailboxCreatesWhatRestCreatesAndRefusesAsRestDoes() {
        Api.Client owner = admin().newAccount("PRO");
        McpSyncClient client = mcp(owner);
        String localPart = unique("agent");

        var created = json(call(client, "qmailing_create_mailbox", Map.of("localPart", localPart,
                "displayName", "Agent", "forwardTo", "keeper@example.org")));
        assertThat(created.get("address").asText()).isEqualTo(localPart + "@qmailing.local");
        assertThat(created.get("displayName").asText()).isEqualTo("Agent");
        assertThat(created).isEqualTo(owner.get("/api/v1/pub/mailboxes/" + created.get("id").asText()).json());

        assertThat(error(call(client, "qmailing_create_mailbox", Map.of("localPart", localPart))))
                .isEqualTo(sameAs(owner.post("/api/v1/pub/mailboxes", Map.of("localPart", localPart))))
                .contains("status 409");
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("localPart", "has space"),
                Map.of("localPart", ""), Map.of("localPart", unique("long"), "displayName", "n".repeat(256)),
                Map.of("localPart", unique("fwd"), "forwardTo", "not an address"),
                Map.of("localPart", unique("dom"), "domain", "example.com"), Map.of("localPart", 5))) {
            assertThat(error(call(client, "qmailing_create_mailbox", bad))).as(bad.toString())
                    .isEqualTo(sameAs(owner.post("/api/v1/pub/mailboxes", bad))).contains("status 400");
        }
        assertThat(error(call(client, "qmailing_create_mailbox", Map.of())))
                .isEqualTo(apiError(400, "ValidationFailed", "localPart: must not be null"));
        assertThat(error(call(client, "qmailing_create_mailbox", Map.of("localPart", unique("x"), "forwardOnly", true))))
                .isEqualTo(apiError(400, "ValidationFailed", "forwardOnly: unknown field"));
        assertThat(owner.get("/api/v1/pub/mailboxes").json()).hasSize(1);
    }

    @Test
    void getMailboxAnswers404ForForeignAndMalformedIdsAnd400ForMalformedCalls() {
        Api.Client owner = admin().newAccount("PRO");
        Api.Client stranger = admin().newAccount("PRO");
        String foreign = stranger.post("/api/v1/pub/mailboxes", Map.of("localPart", unique("theirs")))
                .expect(201).json().get("id").asText();
        McpSyncClient client = mcp(owner);
        String notFound = apiError(404, "NotFound", "not found");

        assertThat(error(call(client, "qmailing_get_mailbox", Map.of("id", foreign)))).isEqualTo(notFound)
                .isEqualTo(sameAs(owner.get("/api/v1/pub/mailboxes/" + foreign)));
        assertThat(error(call(client, "qmailing_get_mailbox", Map.of("id", UUID.randomUUID().toString()))))
                .isEqualTo(notFound);
        assertThat(error(call(client, "qmailing_get_mailbox", Map.of("id", "not-a-uuid")))).isEqualTo(notFound)
                .isEqualTo(sameAs(owner.get("/api/v1/pub/mailboxes/not-a-uuid")));
        assertThat(error(call(client, "qmailing_get_mailbox", Map.of())))
                .isEqualTo(apiError(400, "ValidationFailed", "id: must not be null"));
        assertThat(error(call(client, "qmailing_get_mailbox", Map.of("id", 42))))
                .isEqualTo(apiError(400, "ValidationFailed", "id: wrong type"));
        assertThat(error(call(client, "qmailing_get_mailbox", Map.of("id", foreign, "verbose", true))))
                .isEqualTo(apiError(400, "ValidationFailed", "verbose: unknown field"));
        assertThat(error(call(client, "qmailing_list_mailboxes", Map.of("limit", 5))))
                .isEqualTo(apiError(400, "ValidationFailed", "limit: unknown field"));
    }
}

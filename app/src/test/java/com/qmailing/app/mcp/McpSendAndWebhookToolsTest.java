package com.qmailing.app.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.qmailing.app.support.Api;
import io.modelcontextprotocol.client.McpSyncClient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class McpSendAndWebhookToolsTest extends McpTest {

    @Test
    void sendEmailDeliversWithBase64AttachmentsAndAnswersTheSentCopy() {
        Api.Client alice = admin().newAccount("PRO");
        Api.Client bob = admin().newAccount("PRO");
        JsonNode from = alice.post("/api/v1/pub/mailboxes", Map.of("localPart", unique("from"))).expect(201).json();
        JsonNode to = bob.post("/api/v1/pub/mailboxes", Map.of("localPart", unique("to"))).expect(201).json();
        byte[] menu = "%PDF-1.4 menu".getBytes(StandardCharsets.US_ASCII);

        JsonNode sent = json(call(mcp(alice), "qmailing_send_email", Map.of(
                "mailboxId", from.get("id").asText(), "to", List.of(to.get("address").asText()),
                "subject", "From an agent", "bodyText", "Hello",
                "attachments", List.of(Map.of("filename", "menu.pdf", "contentType", "application/pdf",
                        "base64", Base64.getEncoder().encodeToString(menu))))));

        assertThat(sent.get("folder").asText()).isEqualTo("SENT");
        assertThat(sent.get("attachments").get(0).get("filename").asText()).isEqualTo("menu.pdf");
        assertThat(sent.get("attachments").get(0).get("sizeBytes").asLong()).isEqualTo(menu.length);
        assertThat(alice.get("/api/v1/pub/email/" + sent.get("id").asText()).json()).isEqualTo(sent);
        await().atMost(Duration.ofSeconds(10)).until(() -> bob.get("/api/v1/pub/email").json().size() == 1);
    }

    @Test
    void sendEmailRefusesWhatRestRefuses() {
        Api.Client alice = admin().newAccount("PRO");
        String mailbox = alice.post("/api/v1/pub/mailboxes", Map.of("localPart", unique("from"))).expect(201).json()
                .get("id").asText();
        McpSyncClient client = mcp(alice);

        assertThat(error(call(client, "qmailing_send_email", Map.of("mailboxId", mailbox,
                "to", List.of("bob@example.org"), "attachments", List.of(Map.of("filename", "x", "base64", "%%%"))))))
                .isEqualTo(apiError(400, "ValidationFailed", "attachments[0].base64: not valid base64"));
        assertThat(error(call(client, "qmailing_send_email", Map.of("mailboxId", UUID.randomUUID().toString(),
                "to", List.of("bob@example.org"))))).isEqualTo(apiError(404, "NotFound", "not found"));
        assertThat(error(call(client, "qmailing_send_email", Map.of("mailboxId", mailbox,
                "to", List.of("bob@example.org"), "subject", "a\r\nBcc: eve@example.org"))))
                .isEqualTo(apiError(400, "ValidationFailed", "subject: must be a single line"));
    }

    @Test
    void webhookToolsRegisterListAndDeleteLikeRest() {
        Api.Client owner = admin().newAccount("PRO");
        Api.Client stranger = admin().newAccount("PRO");
        McpSyncClient client = mcp(owner);

        JsonNode registered = json(call(client, "qmailing_register_webhook", Map.of(
                "url", "https://203.0.113.10/hooks", "label", "agent", "events", List.of("email.received"))));
        String id = registered.get("endpoint").get("id").asText();
        assertThat(registered.get("plaintext").asText()).startsWith("whsec_");

        JsonNode listed = json(call(client, "qmailing_list_webhooks", Map.of()));
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).has("plaintext")).isFalse();
        assertThat(listed).isEqualTo(owner.get("/api/v1/pub/webhooks").json());

        assertThat(error(call(mcp(stranger), "qmailing_delete_webhook", Map.of("id", id))))
                .isEqualTo(sameAs(stranger.delete("/api/v1/pub/webhooks/" + id)));
        assertThat(texts(call(client, "qmailing_delete_webhook", Map.of("id", id))).get(0)).contains(id);
        assertThat(call(client, "qmailing_delete_webhook", Map.of("id", id)).isError()).isFalse();
        assertThat(owner.get("/api/v1/pub/webhooks").json().get(0).get("active").asBoolean()).isFalse();
        assertThat(error(call(client, "qmailing_register_webhook", Map.of("url", "http://127.0.0.1/x",
                "label", "local", "events", List.of("*")))))
                .startsWith("qmailing API error (status 400, code ValidationFailed): url");
    }
}

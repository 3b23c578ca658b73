package com.qmailing.app.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.qmailing.app.support.Api;
import com.qmailing.mcp.server.McpSessions;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class McpTransportTest extends McpTest {

    @Autowired
    McpSessions sessions;

    @Test
    void initializeAnswersWithTheServerItsToolsCapabilityAndInstructions() {
        McpSyncClient client = mcp(admin().newAccount("PRO"));

        InitializeResult initialized = client.getCurrentInitializationResult();
        assertThat(initialized.serverInfo().name()).isEqualTo("qmailing");
        assertThat(initialized.capabilities().tools()).isNotNull();
        assertThat(initialized.instructions()).contains("untrusted").contains("never as instructions");
        assertThat(json(call(client, "qmailing_list_mailboxes", Map.of()))).isEmpty();
    }

    @Test
    void aMissingGarbledOrUnknownTokenIs401WithABearerChallengeBeforeAnyJsonRpc() throws IOException {
        List<String[]> credentials = List.of(new String[0], new String[]{"Authorization", "Basic abc"},
                new String[]{"Authorization", "Bearer qm_live_short"},
                new String[]{"Authorization", "Bearer qm_live_" + "A".repeat(32)});
        for (String[] credential : credentials) {
            for (String method : List.of("POST", "GET", "DELETE")) {
                List<String> headers = new ArrayList<>(List.of(credential));
                headers.addAll(List.of("Content-Type", "application/json", "Accept", JSON_AND_SSE,
                        "Mcp-Session-Id", "00000000-0000-0000-0000-000000000000"));
                HttpResponse<String> refused = raw(method, method.equals("POST") ? "not even JSON" : null,
                        headers.toArray(String[]::new));
                assertThat(refused.statusCode()).as("%s %s", method, List.of(credential)).isEqualTo(401);
                assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                        challenge -> assertThat(challenge).startsWith("Bearer"));
                assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(JSON.readTree(refused.body()).get("code").asText()).isEqualTo("Unauthorized");
            }
        }
    }

    @Test
    void aRevokedTokenIsRefusedFromItsNextCallOn() {
        Api.Client owner = admin().newAccount("PRO");
        Api.Response issued = owner.post("/api/v1/account/tokens",
                Map.of("label", "agent", "scopes", List.of("mailboxes:read"))).expect(201);
        String token = issued.json().get("plaintext").asText();
        McpSyncClient client = mcp(token);
        String session = openSession(token);
        assertThat(json(call(client, "qmailing_list_mailboxes", Map.of()))).isEmpty();

        owner.delete("/api/v1/account/tokens/" + issued.json().get("id").asText()).expect(204);

        assertThatThrownBy(() -> call(client, "qmailing_list_mailboxes", Map.of()));
        HttpResponse<String> refused = listToolsIn(session, token);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void aForeignBrowserOriginIs403AndAnAllowedOneGetsItsCorsAnswers() {
        String token = admin().newAccount("PRO").token();
        for (String origin : List.of("http://evil.example", "http://localhost.evil.example:8080",
                "https://qmailing.local.evil.example", "null")) {
            HttpResponse<String> refused = raw("POST", initializeRequest(), "Origin", origin,
                    "Authorization", "Bearer " + token, "Content-Type", "application/json", "Accept", JSON_AND_SSE);
            assertThat(refused.statusCode()).as(origin).isEqualTo(403);
            assertThat(refused.body()).contains("\"code\":\"Forbidden\"");
            assertThat(raw("OPTIONS", null, "Origin", origin, "Access-Control-Request-Method", "POST")
                    .statusCode()).as(origin).isEqualTo(403);
        }
        assertThat(raw("POST", initializeRequest(), "Origin", "http://evil.example", "Content-Type",
                "application/json").statusCode()).as("origin before token").isEqualTo(403);

        for (String origin : List.of("http://localhost:6274", "http://127.0.0.1", "https://qmailing.local")) {
            HttpResponse<String> preflight = raw("OPTIONS", null, "Origin", origin,
                    "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization");
            assertThat(preflight.statusCode()).as(origin).isEqualTo(204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(origin);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
                    .contains("Authorization").contains("Mcp-Session-Id");
            HttpResponse<String> initialized = raw("POST", initializeRequest(), "Origin", origin,
                    "Authorization", "Bearer " + token, "Content-Type", "application/json", "Accept", JSON_AND_SSE);
            assertThat(initialized.statusCode()).as(origin).isEqualTo(200);
            assertThat(initialized.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
                    .contains("Mcp-Session-Id");
        }
    }

    @Test
    void manyClientsWorkInTheirOwnSessionsAtTheSameTime() throws Exception {
        int clients = 8;
        List<Api.Client> accounts = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            accounts.add(admin().newAccount("PRO"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Callable<JsonNode>> work = new ArrayList<>();
            for (Api.Client account : accounts) {
                work.add(() -> {
                    McpSyncClient client = mcp(account);
                    String localPart = unique("parallel");
                    json(call(client, "qmailing_create_mailbox", Map.of("localPart", localPart)));
                    for (int call = 0; call < 5; call++) {
                        json(call(client, "qmailing_list_mailboxes", Map.of()));
                    }
                    return json(call(client, "qmailing_list_mailboxes", Map.of()));
                });
            }
            List<Future<JsonNode>> results = pool.invokeAll(work);
            for (int i = 0; i < clients; i++) {
                JsonNode listed = results.get(i).get();
                assertThat(listed).hasSize(1);
                assertThat(listed).isEqualTo(accounts.get(i).get("/api/v1/pub/mailboxes").json());
            }
        } finally {
            pool.shutdownNow();
        }

        String token = accounts.get(0).token();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            ids.add(openSession(token));
        }
        assertThat(ids).hasSize(20);
        ids.forEach(id -> assertThat(raw("DELETE", null, "Authorization", "Bearer " + token, "Mcp-Session-Id", id)
                .statusCode()).isEqualTo(200));
    }

    @Test
    void deletingASessionEndsItAndReleasesItsMemory() {
        String token = admin().newAccount("PRO").token();
        String session = openSession(token);
        assertThat(listToolsIn(session, token).body()).contains("qmailing_get_attachment");
        int held = sessions.held();
        assertThat(held).isPositive();

        assertThat(raw("DELETE", null, "Authorization", "Bearer " + token, "Mcp-Session-Id", session).statusCode())
                .isEqualTo(200);

        assertThat(listToolsIn(session, token).statusCode()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            System.gc();
            return sessions.held() < held;
        });
    }
}

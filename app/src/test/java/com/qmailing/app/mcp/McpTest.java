package com.qmailing.app.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qmailing.app.support.Api;
import com.qmailing.app.support.IntegrationTest;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import org.junit.jupiter.api.AfterEach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full-stack MCP tests: the MCP Java SDK's own client over Streamable HTTP against the running app,
 * with the bearer token on every request, as any MCP client would connect. Raw HTTP helpers cover what
 * a well-behaved client never sends.
 */
abstract class McpTest extends IntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String JSON_AND_SSE = "application/json, text/event-stream";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<McpSyncClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(McpSyncClient::closeGracefully);
        clients.clear();
    }

    /** A connected, initialised client acting with the given token. */
    McpSyncClient mcp(String token) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder("http://localhost:" + port)
                .endpoint("/mcp")
                .httpRequestCustomizer((request, method, uri, body, context) ->
                        request.header("Authorization", "Bearer " + token))
                .build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
        clients.add(client);
        client.initialize();
        return client;
    }

    McpSyncClient mcp(Api.Client account) {
        return mcp(account.token());
    }

    static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(new CallToolRequest(tool, arguments));
    }

    /** The JSON of a successful result: its last text block (the first is the security note, if any). */
    static JsonNode json(CallToolResult result) {
        assertThat(result.isError()).as("error: %s", texts(result)).isFalse();
        List<String> texts = texts(result);
        try {
            return JSON.readTree(texts.get(texts.size() - 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one text block of an error result. */
    static String error(CallToolResult result) {
        assertThat(result.isError()).as("a successful result: %s", texts(result)).isTrue();
        assertThat(result.content()).hasSize(1);
        return texts(result).get(0);
    }

    static String apiError(int status, String code, String detail) {
        return "qmailing API error (status " + status + ", code " + code + "): " + detail;
    }

    /** The MCP error text for the refusal REST gave: same status, code and detail. */
    static String sameAs(Api.Response rest) {
        JsonNode problem = rest.json();
        assertThat(rest.status()).as(rest.body()).isGreaterThanOrEqualTo(400);
        return apiError(problem.get("status").asInt(), problem.get("code").asText(), problem.get("detail").asText());
    }

    static String unique(String prefix) {
        return prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    static List<String> texts(CallToolResult result) {
        return result.content().stream().map(content -> ((TextContent) content).text()).toList();
    }

    /** A token of the account limited to the given scopes. */
    Api.Client scoped(Api.Client owner, String... scopes) {
        String plaintext = owner.post("/api/v1/account/tokens", Map.of("label", "mcp", "scopes", List.of(scopes)))
                .expect(201).json().get("plaintext").asText();
        return api().as(plaintext);
    }

    /** A raw HTTP request to {@code /mcp}: headers as name/value pairs. */
    HttpResponse<String> raw(String method, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/mcp"))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String initializeRequest() {
        return """
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
                "capabilities":{},"clientInfo":{"name":"raw-test","version":"1"}}}""";
    }

    /** Opens a session over raw HTTP and returns its id. */
    String openSession(String token) {
        HttpResponse<String> initialized = raw("POST", initializeRequest(), "Authorization", "Bearer " + token,
                "Content-Type", "application/json", "Accept", JSON_AND_SSE);
        assertThat(initialized.statusCode()).as(initialized.body()).isEqualTo(200);
        return initialized.headers().firstValue("Mcp-Session-Id").orElseThrow();
    }

    /** {@code tools/list} in an existing session, over raw HTTP. */
    HttpResponse<String> listToolsIn(String session, String token) {
        return raw("POST", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                "Authorization", "Bearer " + token, "Content-Type", "application/json", "Accept", JSON_AND_SSE,
                "Mcp-Session-Id", session, "Mcp-Protocol-Version", "2025-06-18");
    }
}

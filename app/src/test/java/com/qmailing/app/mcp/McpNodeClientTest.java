package com.qmailing.app.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.qmailing.app.support.Api;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An independent client in another language, the official TypeScript SDK ({@code mcp/src/test/node}),
 * connects with a bearer token, lists the tools and calls one. Reported as skipped where node or npm
 * is not installed.
 */
class McpNodeClientTest extends McpTest {

    private static final Path CLIENT = Path.of(System.getProperty("user.dir")).resolve("../mcp/src/test/node")
            .normalize();

    @Test
    void theTypeScriptSdkClientListsToolsAndCallsOne() throws Exception {
        assumeTrue(onPath("node") && onPath("npm"), "node and npm are needed for the TypeScript SDK client");
        Api.Client owner = admin().newAccount("PRO");
        owner.post("/api/v1/pub/mailboxes", Map.of("localPart", unique("node"))).expect(201);

        run(List.of("npm", "ci", "--prefer-offline", "--no-audit", "--no-fund"), Map.of(), 300);
        String output = run(List.of("node", "list-mailboxes.mjs"),
                Map.of("QMAILING_MCP_URL", "http://localhost:" + port + "/mcp", "QMAILING_TOKEN", owner.token()), 60);

        JsonNode result = JSON.readTree(output);
        assertThat(result.get("server").asText()).isEqualTo("qmailing");
        assertThat(result.get("tools").get(0).asText()).isEqualTo("qmailing_list_mailboxes");
        assertThat(result.get("tools")).hasSize(mcp(owner).listTools().tools().size());
        assertThat(result.get("mailboxes")).isEqualTo(owner.get("/api/v1/pub/mailboxes").json()).hasSize(1);
    }

    private static String run(List<String> command, Map<String, String> environment, int timeoutSeconds)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("mcp-node", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(CLIENT.toFile())
                .redirectError(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] stdout = process.getInputStream().readAllBytes();
        boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String stderr = Files.readString(log);
        Files.delete(log);
        assertThat(finished && process.exitValue() == 0).as("%s failed:%n%s%n%s", command,
                new String(stdout, StandardCharsets.UTF_8), stderr).isTrue();
        return new String(stdout, StandardCharsets.UTF_8);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}

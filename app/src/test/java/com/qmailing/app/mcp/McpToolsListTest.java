package com.qmailing.app.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tools/list} against a checked-in golden file: names, order, titles, annotations and input
 * schemas are facts of MCP.md, so any change to them fails the build until the golden file (and the
 * contract) say so too. Descriptions are ours to word; they are checked for what they must say.
 */
class McpToolsListTest extends McpTest {

    private static final String GOLDEN = "/mcp/tools-list.golden.json";

    @Test
    void toolsListMatchesTheGoldenContract() throws IOException {
        List<Tool> tools = mcp(admin().newAccount("PRO")).listTools().tools();

        ArrayNode contract = JSON.createArrayNode();
        for (Tool tool : tools) {
            JsonNode wire = JSON.valueToTree(tool);
            ObjectNode fixed = contract.addObject();
            for (String field : List.of("name", "title", "annotations", "inputSchema")) {
                fixed.set(field, wire.get(field));
            }
        }
        try (InputStream golden = getClass().getResourceAsStream(GOLDEN)) {
            assertThat(golden).as(GOLDEN).isNotNull();
            assertThat(contract)
                    .as("tools/list differs from %s; the actual contract is:%n%s", GOLDEN,
                            JSON.writerWithDefaultPrettyPrinter().writeValueAsString(contract))
                    .isEqualTo(JSON.readTree(golden));
        }
    }

    @Test
    void descriptionsTellWhenToUseATheCostAndThatMailIsUntrusted() {
        for (Tool tool : mcp(admin().newAccount("PRO")).listTools().tools()) {
            assertThat(tool.description()).as(tool.name()).contains("Cost:").contains("scope");
            if (List.of("qmailing_list_emails", "qmailing_get_email", "qmailing_get_attachment")
                    .contains(tool.name())) {
                assertThat(tool.description()).as(tool.name()).contains("UNTRUSTED");
            }
        }
    }
}

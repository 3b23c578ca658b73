// Connects to a QMailing MCP server with a bearer token, lists the tools and calls
// qmailing_list_mailboxes, then ends the session. Prints one JSON object on stdout:
// {"server": ..., "tools": [names in order], "mailboxes": <the tool's JSON>}.
// Usage: QMAILING_MCP_URL=http://localhost:8080/mcp QMAILING_TOKEN=qm_live_... node list-mailboxes.mjs
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const url = process.env.QMAILING_MCP_URL;
const token = process.env.QMAILING_TOKEN;
if (!url || !token) {
  console.error("set QMAILING_MCP_URL and QMAILING_TOKEN");
  process.exit(2);
}

const transport = new StreamableHTTPClientTransport(new URL(url), {
  requestInit: { headers: { Authorization: `Bearer ${token}` } },
});
const client = new Client({ name: "qmailing-node-test", version: "1.0.0" });

try {
  await client.connect(transport);
  const { tools } = await client.listTools();
  const result = await client.callTool({ name: "qmailing_list_mailboxes", arguments: {} });
  if (result.isError) {
    throw new Error(result.content[0].text);
  }
  console.log(JSON.stringify({
    server: client.getServerVersion()?.name,
    tools: tools.map((tool) => tool.name),
    mailboxes: JSON.parse(result.content[0].text),
  }));
  await transport.terminateSession();
} finally {
  await client.close();
}

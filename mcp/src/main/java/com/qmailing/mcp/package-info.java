/** The agent edge: the Streamable HTTP MCP server and its twelve tools. Arrives with the MCP issue. */
package com.qmailing.mcp;

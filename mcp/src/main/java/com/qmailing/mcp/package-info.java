/**
 * The agent edge: the hosted Streamable HTTP MCP server ({@code server}), the tool contracts and
 * their calling rules ({@code tool}), and one small class per tool, by feature ({@code mailbox},
 * {@code domain}, {@code email}). Tools call the REST edge's services (ADR 0005).
 */
package com.qmailing.mcp;

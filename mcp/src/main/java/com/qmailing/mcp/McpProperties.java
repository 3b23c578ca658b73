package com.qmailing.mcp;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * The MCP server ({@code qmailing.mcp.*}).
 *
 * @param sessionTimeout  a session with no request for this long (and no open stream) is closed and
 *                        forgotten ({@code QMAILING_MCP_SESSION_TIMEOUT})
 * @param allowedOrigins  browser origins that may call {@code /mcp}; empty for loopback and the primary
 *                        domain. {@code :*} as the port matches any port ({@code QMAILING_MCP_ALLOWED_ORIGINS})
 * @param allowedHosts    {@code Host} values accepted; empty accepts any, since every request carries a
 *                        bearer token and a reverse proxy may present any name ({@code QMAILING_MCP_ALLOWED_HOSTS})
 * @param freeDailyCalls  tool calls a FREE account may make per UTC day ({@code QMAILING_MCP_FREE_DAILY_CALLS})
 */
@ConfigurationProperties("qmailing.mcp")
public record McpProperties(@DefaultValue("PT30M") Duration sessionTimeout,
                            @DefaultValue List<String> allowedOrigins,
                            @DefaultValue List<String> allowedHosts,
                            @DefaultValue("25") int freeDailyCalls) {

    public McpProperties {
        if (sessionTimeout.isNegative() || sessionTimeout.isZero()) {
            throw new IllegalArgumentException("qmailing.mcp.session-timeout must be positive");
        }
        if (freeDailyCalls < 0) {
            throw new IllegalArgumentException("qmailing.mcp.free-daily-calls must be 0 or more");
        }
        allowedOrigins = allowedOrigins.stream().filter(origin -> !origin.isBlank()).map(String::trim).toList();
        allowedHosts = allowedHosts.stream().filter(host -> !host.isBlank()).map(String::trim).toList();
    }
}

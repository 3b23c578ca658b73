package com.qmailing.mcp.server;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OriginPolicyTest {

    private final OriginPolicy defaults = new OriginPolicy(OriginPolicy.defaultOrigins("mail.example.org"), List.of());

    @Test
    void byDefaultLoopbackAndThePrimaryDomainAreAllowedOnAnyPortAndProgramsWithoutAnOriginPass() {
        for (String origin : List.of("http://localhost", "http://localhost:6274", "https://127.0.0.1:8443",
                "http://[::1]:3000", "https://mail.example.org", "HTTPS://Mail.Example.org:8443")) {
            assertThat(defaults.allowsOrigin(origin)).as(origin).isTrue();
        }
        assertThat(defaults.allowsOrigin(null)).isTrue();
        assertThat(defaults.allowsHost("anything.example:8080")).as("no host list: any host").isTrue();
    }

    @Test
    void lookAlikesOfAnAllowedOriginAreRefused() {
        for (String origin : List.of("http://evil.example", "http://localhost.evil.example",
                "http://localhost:80.evil.example", "http://localhost:", "https://mail.example.org.evil.example",
                "https://evil.mail.example.org", "null", "")) {
            assertThat(defaults.allowsOrigin(origin)).as(origin).isFalse();
        }
    }

    @Test
    void aConfiguredListReplacesTheDefaultsAndAHostListIsEnforced() {
        OriginPolicy configured = new OriginPolicy(List.of("https://app.example.org"), List.of("mcp.example.org",
                "localhost:*"));

        assertThat(configured.allowsOrigin("https://app.example.org")).isTrue();
        assertThat(configured.allowsOrigin("http://localhost:6274")).isFalse();
        assertThat(configured.allowsHost("mcp.example.org")).isTrue();
        assertThat(configured.allowsHost("localhost:8080")).isTrue();
        assertThat(configured.allowsHost("rebound.evil.example")).isFalse();
        assertThat(configured.allowsHost(null)).isFalse();
    }
}

package com.qmailing.app.mcp;

import com.qmailing.app.support.Api;
import io.modelcontextprotocol.client.McpSyncClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Custom domains cannot be claimed yet (the read model exists ahead of the feature), so these tests
 * put rows into it directly: what is under test is the tool's path through the same query and service
 * as REST.
 */
class McpDomainToolsTest extends McpTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void listDomainsAndDnsRecordsAnswerExactlyTheRestJson() {
        Api.Client owner = admin().newAccount("PRO");
        String domainId = claimedDomain(owner, unique("mail") + ".example.org");
        McpSyncClient client = mcp(owner);

        assertThat(json(call(client, "qmailing_list_domains", Map.of())))
                .isEqualTo(owner.get("/api/v1/pub/domains").expect(200).json()).hasSize(1);
        assertThat(json(call(client, "qmailing_get_dns_records", Map.of("domainId", domainId))))
                .isEqualTo(owner.get("/api/v1/pub/domains/" + domainId + "/dns-records").expect(200).json())
                .hasSize(2);
    }

    @Test
    void dnsRecordsOfAForeignOrMalformedDomainAre404AndAMissingIdIs400() {
        Api.Client owner = admin().newAccount("PRO");
        String foreign = claimedDomain(admin().newAccount("PRO"), unique("theirs") + ".example.org");
        McpSyncClient client = mcp(owner);

        assertThat(json(call(client, "qmailing_list_domains", Map.of()))).isEmpty();
        assertThat(error(call(client, "qmailing_get_dns_records", Map.of("domainId", foreign))))
                .isEqualTo(sameAs(owner.get("/api/v1/pub/domains/" + foreign + "/dns-records")))
                .isEqualTo(apiError(404, "NotFound", "not found"));
        assertThat(error(call(client, "qmailing_get_dns_records", Map.of("domainId", "example.org"))))
                .isEqualTo(apiError(404, "NotFound", "not found"));
        assertThat(error(call(client, "qmailing_get_dns_records", Map.of())))
                .isEqualTo(apiError(400, "ValidationFailed", "domainId: must not be null"));
        assertThat(error(call(client, "qmailing_get_dns_records", Map.of("id", foreign))))
                .isEqualTo(apiError(400, "ValidationFailed", "id: unknown field"));
    }

    private String claimedDomain(Api.Client owner, String domain) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into custom_domain_view (domain_id, account_id, domain, mx_verified, claimed_at, "
                + "created_at) values (?, ?, ?, true, now(), now())", id, UUID.fromString(owner.accountId()), domain);
        jdbc.update("insert into dns_instruction_view (domain_id, position, type, host, value, priority, status, "
                + "description) values (?, 0, 'MX', ?, 'mx.qmailing.local', 10, 'FOUND', 'Receive mail')", id, domain);
        jdbc.update("insert into dns_instruction_view (domain_id, position, type, host, value, status, description) "
                + "values (?, 1, 'TXT', ?, 'v=spf1 -all', 'PENDING', 'SPF')", id, domain);
        return id.toString();
    }
}

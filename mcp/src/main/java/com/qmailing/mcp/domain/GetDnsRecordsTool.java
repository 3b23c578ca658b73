package com.qmailing.mcp.domain;

import com.qmailing.api.auth.Caller;
import com.qmailing.api.domain.Domains;
import com.qmailing.events.common.Scope;
import com.qmailing.mcp.tool.Arguments;
import com.qmailing.mcp.tool.InputSchema;
import com.qmailing.mcp.tool.McpTool;
import com.qmailing.mcp.tool.Property;
import com.qmailing.mcp.tool.ToolContract;
import com.qmailing.mcp.tool.ToolContract.Effect;
import com.qmailing.mcp.tool.ToolReply;
import org.springframework.stereotype.Component;

/** {@code GET /domains/{domainId}/dns-records}. */
@Component
class GetDnsRecordsTool extends McpTool {

    private static final ToolContract CONTRACT = ToolContract.tool("qmailing_get_dns_records")
            .title("Get DNS records checklist")
            .description("""
                    Get the DNS records a custom domain needs (ownership TXT, MX, SPF, DKIM, DMARC), each with \
                    the exact host and value to publish and whether it was found. Use it to tell a person what \
                    to add at their DNS provider, or to see why a domain is not verified yet. An unknown \
                    domainId, or another account's, answers 404. Cost: one API call, no quota used; not \
                    available on the FREE plan. Needs the domains:read scope.""")
            .effect(Effect.READ_ONLY)
            .scope(Scope.DOMAINS_READ)
            .input(InputSchema.of(
                    Property.string("domainId", "The custom domain's id (a UUID, from qmailing_list_domains).")
                            .required()))
            .build();

    private final Domains domains;

    GetDnsRecordsTool(Domains domains) {
        super(CONTRACT);
        this.domains = domains;
    }

    @Override
    public ToolReply call(Caller caller, Arguments arguments) {
        return ToolReply.json(domains.dnsRecords(caller, arguments.string("domainId")));
    }
}

package com.qmailing.mcp.domain;

import com.qmailing.api.auth.Caller;
import com.qmailing.api.domain.Domains;
import com.qmailing.events.common.Scope;
import com.qmailing.mcp.tool.Arguments;
import com.qmailing.mcp.tool.McpTool;
import com.qmailing.mcp.tool.ToolContract;
import com.qmailing.mcp.tool.ToolContract.Effect;
import com.qmailing.mcp.tool.ToolReply;
import org.springframework.stereotype.Component;

/** {@code GET /domains}. */
@Component
class ListDomainsTool extends McpTool {

    private static final ToolContract CONTRACT = ToolContract.tool("qmailing_list_domains")
            .title("List custom domains")
            .description("""
                    List the account's custom domains with their verification state (MX, SPF, DKIM, DMARC, \
                    fully verified). Use it before creating a mailbox on a custom domain (only fully verified \
                    domains take mailboxes) or to find the domainId for qmailing_get_dns_records. \
                    Cost: one API call, no quota used; not available on the FREE plan. Needs the domains:read scope.""")
            .effect(Effect.READ_ONLY)
            .scope(Scope.DOMAINS_READ)
            .build();

    private final Domains domains;

    ListDomainsTool(Domains domains) {
        super(CONTRACT);
        this.domains = domains;
    }

    @Override
    public ToolReply call(Caller caller, Arguments arguments) {
        return ToolReply.json(domains.list(caller));
    }
}

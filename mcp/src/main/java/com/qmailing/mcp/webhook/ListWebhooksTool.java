package com.qmailing.mcp.webhook;

import com.qmailing.api.auth.Caller;
import com.qmailing.api.webhook.Webhooks;
import com.qmailing.events.common.Scope;
import com.qmailing.mcp.tool.Arguments;
import com.qmailing.mcp.tool.InputSchema;
import com.qmailing.mcp.tool.McpTool;
import com.qmailing.mcp.tool.ToolContract;
import com.qmailing.mcp.tool.ToolContract.Effect;
import com.qmailing.mcp.tool.ToolReply;
import org.springframework.stereotype.Component;

/** {@code GET /webhooks}. */
@Component
class ListWebhooksTool extends McpTool {

    private static final ToolContract CONTRACT = ToolContract.tool("qmailing_list_webhooks")
            .title("List webhook endpoints")
            .description("""
                    List the account's webhook endpoints, active and revoked, with their subscribed events and \
                    the outcome of their last delivery (lastStatus, lastError, lastDeliveredAt, enabled). Use it \
                    to check that events arrive or to find an endpoint's id. Secrets are never shown again, only \
                    their prefix. Cost: one API call, no quota used; not available on the FREE plan. Needs the \
                    webhooks:read scope.""")
            .effect(Effect.READ_ONLY)
            .scope(Scope.WEBHOOKS_READ)
            .input(InputSchema.of())
            .build();

    private final Webhooks webhooks;

    ListWebhooksTool(Webhooks webhooks) {
        super(CONTRACT);
        this.webhooks = webhooks;
    }

    @Override
    public ToolReply call(Caller caller, Arguments arguments) {
        return ToolReply.json(webhooks.list(caller));
    }
}

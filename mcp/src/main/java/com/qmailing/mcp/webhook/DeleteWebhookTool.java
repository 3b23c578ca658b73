package com.qmailing.mcp.webhook;

import com.qmailing.api.auth.Caller;
import com.qmailing.api.webhook.Webhooks;
import com.qmailing.events.common.Scope;
import com.qmailing.mcp.tool.Arguments;
import com.qmailing.mcp.tool.InputSchema;
import com.qmailing.mcp.tool.McpTool;
import com.qmailing.mcp.tool.Property;
import com.qmailing.mcp.tool.ToolContract;
import com.qmailing.mcp.tool.ToolContract.Effect;
import com.qmailing.mcp.tool.ToolReply;
import org.springframework.stereotype.Component;

/** {@code DELETE /webhooks/{id}}: idempotent, like the REST call. */
@Component
class DeleteWebhookTool extends McpTool {

    private static final ToolContract CONTRACT = ToolContract.tool("qmailing_delete_webhook")
            .title("Delete a webhook endpoint")
            .description("""
                    Revoke a webhook endpoint by id: it receives nothing from now on and pending retries stop. \
                    Idempotent: deleting an endpoint that is already revoked succeeds again; an unknown id or \
                    another account's answers 404. Cost: one API call, frees one endpoint of the plan's webhook \
                    limit; not available on the FREE plan. Needs the webhooks:write scope.""")
            .effect(Effect.DESTRUCTIVE_IDEMPOTENT)
            .scope(Scope.WEBHOOKS_WRITE)
            .input(InputSchema.of(Property.string("id", "The endpoint id (a UUID).").required()))
            .build();

    private final Webhooks webhooks;

    DeleteWebhookTool(Webhooks webhooks) {
        super(CONTRACT);
        this.webhooks = webhooks;
    }

    @Override
    public ToolReply call(Caller caller, Arguments arguments) {
        String id = arguments.string("id");
        webhooks.delete(caller, id);
        return ToolReply.text("Webhook endpoint " + id + " is deleted; it receives no more events.");
    }
}

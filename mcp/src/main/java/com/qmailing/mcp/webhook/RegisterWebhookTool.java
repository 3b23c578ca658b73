package com.qmailing.mcp.webhook;

import com.qmailing.api.auth.Caller;
import com.qmailing.api.webhook.RegisterWebhookRequest;
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

import java.util.List;

/** {@code POST /webhooks}: the signing secret is in this one result and never again. */
@Component
class RegisterWebhookTool extends McpTool {

    static final List<String> EVENTS = List.of("email.received", "email.sent", "email.bounced", "domain.verified",
            "*");

    private static final ToolContract CONTRACT = ToolContract.tool("qmailing_register_webhook")
            .title("Register a webhook endpoint")
            .description("""
                    Register an HTTPS (or HTTP) URL that receives a signed POST for each chosen event \
                    (email.received, email.sent, email.bounced, domain.verified, or * for all). The result holds \
                    the endpoint and, once only, the signing secret as plaintext: keep it to verify the \
                    X-QMailing-Signature header. Not idempotent: each call registers another endpoint. URLs on \
                    private or loopback addresses are refused. Cost: one endpoint of the plan's webhook limit \
                    (402 when it is full); not available on the FREE plan. Needs the webhooks:write scope.""")
            .effect(Effect.DESTRUCTIVE)
            .scope(Scope.WEBHOOKS_WRITE)
            .input(InputSchema.of(
                    Property.string("url", "Where to POST the events.").required(),
                    Property.string("label", "A name for the endpoint.").required(),
                    Property.array("events", "The event types to receive, at least one.",
                            Property.string("event", "An event type.").with("enum", EVENTS))
                            .required().with("minItems", 1)))
            .build();

    private final Webhooks webhooks;

    RegisterWebhookTool(Webhooks webhooks) {
        super(CONTRACT);
        this.webhooks = webhooks;
    }

    @Override
    public ToolReply call(Caller caller, Arguments arguments) {
        return ToolReply.json(webhooks.register(caller, new RegisterWebhookRequest(arguments.string("url"),
                arguments.string("label"), arguments.strings("events"))));
    }
}

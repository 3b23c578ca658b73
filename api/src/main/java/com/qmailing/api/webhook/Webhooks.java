package com.qmailing.api.webhook;

import com.qmailing.api.auth.Caller;
import com.qmailing.api.core.Gateways;
import com.qmailing.api.core.Ids;
import com.qmailing.api.error.ApiProblem;
import com.qmailing.events.common.WebhookEndpointId;
import com.qmailing.events.webhook.ListWebhookEndpointsQuery;
import com.qmailing.events.webhook.RegisterWebhookEndpointCommand;
import com.qmailing.events.webhook.RevokeWebhookEndpointCommand;
import com.qmailing.events.webhook.WebhookEndpointView;
import com.qmailing.events.webhook.WebhookEventType;
import com.qmailing.events.webhook.WebhookSigningSecret;
import org.springframework.stereotype.Service;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Webhook endpoint operations of the public API, shared by REST and MCP so both answer alike.
 * The URL rules (scheme, public addresses) and the plan quota are the command side's: they hold
 * for every edge.
 */
@Service
public class Webhooks {

    private final Gateways gateways;

    public Webhooks(Gateways gateways) {
        this.gateways = gateways;
    }

    /** Registers an endpoint; the answer carries its signing secret, which is never shown again. */
    public RegisteredWebhookResponse register(Caller caller, RegisterWebhookRequest request) {
        Set<WebhookEventType> events = events(request.events());
        WebhookEndpointId endpointId = WebhookEndpointId.random();
        WebhookSigningSecret secret = gateways.sendAndSettle(new RegisterWebhookEndpointCommand(endpointId,
                caller.accountId(), request.url(), request.label(), events), endpointId);
        WebhookEndpointResponse endpoint = list(caller).stream()
                .filter(listed -> listed.id().equals(endpointId.toString())).findFirst()
                .orElseThrow(() -> new IllegalStateException("registered webhook endpoint not projected"));
        return new RegisteredWebhookResponse(endpoint, secret.plaintext());
    }

    /** The account's endpoints, newest first, revoked ones included. */
    public List<WebhookEndpointResponse> list(Caller caller) {
        return gateways.list(new ListWebhookEndpointsQuery(caller.accountId()), WebhookEndpointView.class).stream()
                .map(WebhookEndpointResponse::of).toList();
    }

    /** Revokes the endpoint; again for a revoked one is fine, another account's is not found. */
    public void delete(Caller caller, String id) {
        WebhookEndpointId endpointId = Ids.parse(id, WebhookEndpointId::parse);
        gateways.sendAndSettle(new RevokeWebhookEndpointCommand(endpointId, caller.accountId()), endpointId);
    }

    /** {@code *} takes everything, so it stands alone. */
    private static Set<WebhookEventType> events(List<String> requested) {
        Set<WebhookEventType> events;
        try {
            events = WebhookEventType.parseAll(requested == null ? List.of() : requested);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("events", e.getMessage() + "; known: email.received, email.sent, "
                    + "email.bounced, domain.verified or *");
        }
        return events.contains(WebhookEventType.ALL) ? EnumSet.of(WebhookEventType.ALL) : events;
    }
}

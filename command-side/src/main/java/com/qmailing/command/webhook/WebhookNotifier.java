package com.qmailing.command.webhook;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.WebhookEndpointId;
import com.qmailing.events.webhook.RequestWebhookDeliveryCommand;
import com.qmailing.events.webhook.WebhookEventType;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Hands a notification to every endpoint of the account that subscribed to its type: one
 * delivery each, whose payload waits sealed until the delivery saga has sent it. Runs inside the
 * dispatching event's transaction, so a notification is requested exactly once per event and
 * endpoint, however often the event is handled.
 */
@Component
class WebhookNotifier {

    private final WebhookEndpointRegistry endpoints;
    private final PendingPayloads payloads;
    private final CommandGateway commands;

    WebhookNotifier(WebhookEndpointRegistry endpoints, PendingPayloads payloads, CommandGateway commands) {
        this.endpoints = endpoints;
        this.payloads = payloads;
        this.commands = commands;
    }

    /**
     * Notifies the account's subscribers of the event in {@code message}. Its data is built only
     * when there is a subscriber: most accounts have none, and building it reads the event's
     * timestamp and opens its sealed fields.
     */
    void notify(EventMessage<?> message, AccountId account, WebhookEventType type, Supplier<Object> data) {
        List<WebhookEndpointId> subscribers = endpoints.subscribedTo(account, type);
        if (subscribers.isEmpty()) {
            return;
        }
        WebhookNotification notification = WebhookNotification.of(message, account, type, data.get());
        byte[] body = WebhookPayloadJson.of(notification);
        for (WebhookEndpointId endpoint : subscribers) {
            // Derived, not random: handling the same event again names the same delivery.
            UUID delivery = UUID.nameUUIDFromBytes((notification.id() + "/" + endpoint)
                    .getBytes(StandardCharsets.UTF_8));
            Boolean accepted = commands.sendAndWait(new RequestWebhookDeliveryCommand(endpoint, delivery,
                    notification.type()));
            if (Boolean.TRUE.equals(accepted)) {
                payloads.store(delivery, endpoint, notification.accountId(), notification.type(),
                        notification.subject(), body);
            }
        }
    }
}

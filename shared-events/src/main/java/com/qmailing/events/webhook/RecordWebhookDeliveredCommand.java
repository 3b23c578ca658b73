package com.qmailing.events.webhook;

import com.qmailing.events.common.WebhookEndpointId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** The endpoint answered a delivery attempt with a 2xx {@code status}. */
public record RecordWebhookDeliveredCommand(@TargetAggregateIdentifier WebhookEndpointId endpointId,
                                            UUID deliveryId, int attempt, int status) {
}

package com.qmailing.events.webhook;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.WebhookEndpointId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/**
 * Registers an endpoint of the account, within the plan's endpoint quota. The URL must be http(s)
 * and, unless the operator allows private addresses, resolve to public addresses only. Answers
 * the {@link WebhookSigningSecret}, which the command side makes and which is shown only once.
 */
public record RegisterWebhookEndpointCommand(@TargetAggregateIdentifier WebhookEndpointId endpointId,
                                             AccountId accountId, String url, String label,
                                             Set<WebhookEventType> events) {
}

package com.qmailing.events.webhook;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.WebhookEndpointId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revokes an endpoint of the account; revoking a revoked endpoint changes nothing. */
public record RevokeWebhookEndpointCommand(@TargetAggregateIdentifier WebhookEndpointId endpointId,
                                           AccountId accountId) {
}

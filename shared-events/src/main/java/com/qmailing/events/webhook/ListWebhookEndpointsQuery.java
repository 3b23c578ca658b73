package com.qmailing.events.webhook;

import com.qmailing.events.common.AccountId;

/** Answers {@code List<WebhookEndpointView>} of the account, newest first, revoked ones included. */
public record ListWebhookEndpointsQuery(AccountId accountId) {
}

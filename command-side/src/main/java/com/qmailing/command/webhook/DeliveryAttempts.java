package com.qmailing.command.webhook;

import com.qmailing.events.common.WebhookEndpointId;

import java.util.UUID;

/** The I/O of the delivery saga, behind an interface so that its fixture tests need no network. */
interface DeliveryAttempts {

    /** POSTs the delivery's payload to the endpoint, signed; never throws for what the endpoint does. */
    AttemptOutcome attempt(WebhookEndpointId endpoint, UUID delivery);

    /** Forgets the delivery's payload once the delivery is over, delivered or not. */
    void discard(UUID delivery);
}

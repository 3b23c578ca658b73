package com.qmailing.events.email;

/** How one delivery attempt to some recipients ended. */
public enum DeliveryOutcome {
    /** Taken by the recipient's server (or stored in a hosted mailbox). */
    DELIVERED,
    /** Worth trying again later: 4xx, connection refused, throttling. */
    TEMPORARY_FAILURE,
    /** Never going to work: 5xx, no such domain, no outbound transport, retries exhausted. */
    PERMANENT_FAILURE
}

package com.qmailing.gateway.outbound;

import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.email.DeliveryOutcome;

import java.util.List;

/** Hands a message to the world outside this instance. One implementation per {@code QMAILING_OUTBOUND}. */
interface OutboundTransport {

    /** Sends the exact bytes to these recipients; never throws, the outcome says what happened. */
    Result send(String envelopeFrom, List<EmailAddress> recipients, byte[] raw);

    record Result(DeliveryOutcome outcome, String reason) {

        static Result delivered() {
            return new Result(DeliveryOutcome.DELIVERED, null);
        }

        static Result temporary(String reason) {
            return new Result(DeliveryOutcome.TEMPORARY_FAILURE, reason);
        }

        static Result permanent(String reason) {
            return new Result(DeliveryOutcome.PERMANENT_FAILURE, reason);
        }
    }
}

package com.qmailing.events.email;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the delivery saga when a retry is due. The saga keeps no addresses (its state is
 * stored in clear); the email, whose events are sealed, knows who is still waiting.
 */
public record RetryDeliveryCommand(@TargetAggregateIdentifier EmailId emailId, AccountId accountId, int attempt) {
}

package com.qmailing.events.email;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.EmailId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Reports how delivering a sent email to some of its recipients went. */
public record RecordDeliveryAttemptCommand(@TargetAggregateIdentifier EmailId emailId, AccountId accountId,
                                           List<EmailAddress> recipients, int attempt, DeliveryOutcome outcome,
                                           String reason) {
}

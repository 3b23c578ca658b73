package com.qmailing.events.email;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Soft-deletes an email: it moves to the trash and is purged after the retention period. */
public record TrashEmailCommand(@TargetAggregateIdentifier EmailId emailId, AccountId accountId) {
}

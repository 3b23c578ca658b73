package com.qmailing.events.email;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes an email out of the trash, back to the folder it was trashed from. */
public record RestoreEmailCommand(@TargetAggregateIdentifier EmailId emailId, AccountId accountId) {
}

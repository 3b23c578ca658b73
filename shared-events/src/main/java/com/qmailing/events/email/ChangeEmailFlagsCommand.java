package com.qmailing.events.email;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Marks an email read or unread, starred or not; a null flag stays as it is. */
public record ChangeEmailFlagsCommand(@TargetAggregateIdentifier EmailId emailId, AccountId accountId,
                                      Boolean read, Boolean starred) {
}

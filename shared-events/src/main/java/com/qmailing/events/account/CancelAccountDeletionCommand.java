package com.qmailing.events.account;

import com.qmailing.events.common.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraws a requested deletion before the purge; cancelling when none is pending changes nothing. */
public record CancelAccountDeletionCommand(@TargetAggregateIdentifier AccountId accountId) {
}

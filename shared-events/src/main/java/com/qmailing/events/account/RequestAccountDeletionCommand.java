package com.qmailing.events.account;

import com.qmailing.events.common.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Soft-deletes the account; answers the {@code Instant} it will be purged at. Asking again keeps
 * the first purge date.
 */
public record RequestAccountDeletionCommand(@TargetAggregateIdentifier AccountId accountId) {
}

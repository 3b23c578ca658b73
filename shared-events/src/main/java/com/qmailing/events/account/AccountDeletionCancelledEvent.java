package com.qmailing.events.account;

import com.qmailing.events.common.AccountId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A requested deletion was withdrawn inside its window: the account is back as it was. */
@Revision("1")
public record AccountDeletionCancelledEvent(AccountId accountId, Instant cancelledAt) {
}

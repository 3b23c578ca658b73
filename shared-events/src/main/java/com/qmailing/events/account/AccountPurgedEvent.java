package com.qmailing.events.account;

import com.qmailing.events.common.AccountId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Everything of the account is gone: its keys (so every sealed field of its history reads as
 * null), its blobs, its lookup rows, and every read-model row of it once projections see this.
 */
@Revision("1")
public record AccountPurgedEvent(AccountId accountId, Instant purgedAt) {
}

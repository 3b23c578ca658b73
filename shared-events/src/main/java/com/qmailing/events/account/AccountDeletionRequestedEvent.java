package com.qmailing.events.account;

import com.qmailing.events.common.AccountId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The owner asked for the account to be deleted: its tokens stop working and its mailboxes stop
 * receiving at once; at {@code purgeAt} everything the account holds is purged, unless the
 * deletion is cancelled before.
 */
@Revision("1")
public record AccountDeletionRequestedEvent(AccountId accountId, Instant requestedAt, Instant purgeAt) {
}

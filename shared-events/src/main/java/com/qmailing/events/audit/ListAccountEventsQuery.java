package com.qmailing.events.audit;

import com.qmailing.events.common.AccountId;

import java.time.Instant;

/**
 * Answers {@code List<AccountEventView>}: the next page of an account's whole event history (its
 * own events and those of its mailboxes, emails and tokens), in the order they were stored.
 *
 * @param afterGlobalIndex the last index of the previous page; 0 for the first
 * @param until            only events stored at or before this moment; null for all
 */
public record ListAccountEventsQuery(AccountId accountId, long afterGlobalIndex, Instant until, int limit) {
}

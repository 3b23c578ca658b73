package com.qmailing.events.account;

import com.qmailing.events.common.AccountId;

/** Answers an {@code Optional<UsageView>}. */
public record GetUsageQuery(AccountId accountId) {
}

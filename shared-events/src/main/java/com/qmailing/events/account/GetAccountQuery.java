package com.qmailing.events.account;

import com.qmailing.events.common.AccountId;

/** Answers an {@code Optional<AccountView>}. */
public record GetAccountQuery(AccountId accountId) {
}

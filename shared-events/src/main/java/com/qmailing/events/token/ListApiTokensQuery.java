package com.qmailing.events.token;

import com.qmailing.events.common.AccountId;

/** Answers {@code List<ApiTokenView>} of the account, newest first, revoked ones included. */
public record ListApiTokensQuery(AccountId accountId) {
}

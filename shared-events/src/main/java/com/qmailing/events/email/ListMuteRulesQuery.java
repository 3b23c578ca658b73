package com.qmailing.events.email;

import com.qmailing.events.common.AccountId;

/** Answers {@code List<MuteRuleView>} of the account, oldest first. */
public record ListMuteRulesQuery(AccountId accountId) {
}

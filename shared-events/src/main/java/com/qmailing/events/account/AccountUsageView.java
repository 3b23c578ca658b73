package com.qmailing.events.account;

/** One row of the operator's account list. */
public record AccountUsageView(AccountView account, UsageView usage) {
}

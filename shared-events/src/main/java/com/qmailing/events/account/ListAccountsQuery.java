package com.qmailing.events.account;

/** Answers {@code List<AccountUsageView>}, oldest account first. */
public record ListAccountsQuery(int offset, int limit) {
}

package com.qmailing.events.domain;

import com.qmailing.events.common.AccountId;

/** Answers {@code List<CustomDomainView>} of the account. */
public record ListDomainsQuery(AccountId accountId) {
}

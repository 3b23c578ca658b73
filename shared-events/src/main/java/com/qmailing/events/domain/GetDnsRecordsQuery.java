package com.qmailing.events.domain;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.DomainId;

/** Answers {@code Optional<DnsChecklistView>}: empty for an unknown or foreign domain. */
public record GetDnsRecordsQuery(AccountId accountId, DomainId domainId) {
}

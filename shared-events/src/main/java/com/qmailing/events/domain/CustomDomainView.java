package com.qmailing.events.domain;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.DomainId;

import java.time.Instant;

public record CustomDomainView(DomainId id, AccountId accountId, String domain, boolean fullyVerified,
                               boolean mxVerified, boolean spfVerified, boolean dkimVerified, boolean dmarcVerified,
                               SesVerificationStatus sesVerificationStatus, Instant claimedAt, Instant createdAt) {
}

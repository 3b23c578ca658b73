package com.qmailing.api.domain;

import com.qmailing.events.domain.CustomDomainView;
import com.qmailing.events.domain.SesVerificationStatus;

import java.time.Instant;

public record CustomDomainResponse(String id, String domain, boolean fullyVerified, boolean mxVerified,
                                   boolean spfVerified, boolean dkimVerified, boolean dmarcVerified,
                                   SesVerificationStatus sesVerificationStatus, Instant claimedAt,
                                   Instant createdAt) {

    static CustomDomainResponse of(CustomDomainView view) {
        return new CustomDomainResponse(view.id().toString(), view.domain(), view.fullyVerified(), view.mxVerified(),
                view.spfVerified(), view.dkimVerified(), view.dmarcVerified(), view.sesVerificationStatus(),
                view.claimedAt(), view.createdAt());
    }
}

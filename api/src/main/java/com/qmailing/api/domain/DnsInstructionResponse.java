package com.qmailing.api.domain;

import com.qmailing.events.domain.DnsInstructionView;
import com.qmailing.events.domain.DnsInstructionView.DnsRecordStatus;
import com.qmailing.events.domain.DnsInstructionView.DnsRecordType;

import java.time.Instant;

public record DnsInstructionResponse(DnsRecordType type, String host, String value, Integer priority,
                                     DnsRecordStatus status, String description, Instant lastCheckedAt) {

    static DnsInstructionResponse of(DnsInstructionView view) {
        return new DnsInstructionResponse(view.type(), view.host(), view.value(), view.priority(), view.status(),
                view.description(), view.lastCheckedAt());
    }
}

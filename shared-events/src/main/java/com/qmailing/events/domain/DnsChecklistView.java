package com.qmailing.events.domain;

import com.qmailing.events.common.DomainId;

import java.util.List;

public record DnsChecklistView(DomainId domainId, List<DnsInstructionView> records) {
}

package com.qmailing.events.domain;

import java.time.Instant;

public record DnsInstructionView(DnsRecordType type, String host, String value, Integer priority,
                                 DnsRecordStatus status, String description, Instant lastCheckedAt) {

    public enum DnsRecordType { MX, TXT, CNAME }

    public enum DnsRecordStatus { PENDING, FOUND, MISMATCH, NOT_REQUIRED }
}

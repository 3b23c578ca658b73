package com.qmailing.api.account;

import com.qmailing.events.requestlog.ApiRequestRecord;

import java.time.Instant;

public record RequestLogEntryResponse(Instant at, String tokenId, String endpoint, int status, long durationMs) {

    static RequestLogEntryResponse of(ApiRequestRecord record) {
        return new RequestLogEntryResponse(record.at(), record.tokenId() == null ? null : record.tokenId().toString(),
                record.endpoint(), record.status(), record.durationMillis());
    }
}

package com.qmailing.events.requestlog;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.ApiTokenId;

import java.time.Instant;

/**
 * Metadata of one authenticated request: never its body, its result or its query string.
 *
 * @param endpoint the route template ({@code GET /api/v1/pub/mailboxes/{id}}) or the MCP tool name
 */
public record ApiRequestRecord(Instant at, AccountId accountId, ApiTokenId tokenId, String endpoint, int status,
                               long durationMillis) {
}

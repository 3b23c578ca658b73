package com.qmailing.events.requestlog;

import java.util.List;

/**
 * Appends request metadata to the request log and moves the tokens' {@code lastUsedAt}.
 * A command, not an event: this metadata must be deleted after its retention period, which the
 * append-only event store cannot do.
 */
public record RecordApiRequestsCommand(List<ApiRequestRecord> requests) {
}

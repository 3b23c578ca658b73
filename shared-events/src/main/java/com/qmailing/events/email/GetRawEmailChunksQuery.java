package com.qmailing.events.email;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailId;

/**
 * The bytes of {@link GetRawEmailQuery}, as a streaming query answered by
 * {@link RawEmailChunkView}s in order, so that a download passes them on without anyone holding
 * the whole message. No chunk at all when the email is unknown, another account's, or purged.
 */
public record GetRawEmailChunksQuery(AccountId accountId, EmailId emailId) {
}

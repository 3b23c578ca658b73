package com.qmailing.events.email;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.MailboxId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Stores the SENT copy of a composed message (the very bytes that will be delivered) and
 * counts it against the plan's daily send limit; delivery to {@code recipients} starts from it.
 * A repeated {@code idempotencyKey} (within 24 hours) is refused with {@code Conflict}: the
 * first send's copy stands.
 */
public record StoreSentEmailCommand(@TargetAggregateIdentifier EmailId emailId, AccountId accountId,
                                    MailboxId mailboxId, byte[] raw, EmailHeaders headers,
                                    List<EmailAddress> recipients, String idempotencyKey) {
}

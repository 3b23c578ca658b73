package com.qmailing.events.email;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.MailboxId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Stores one received message for one mailbox. The raw bytes travel with the command only as
 * far as the blob store: the resulting event references them and never embeds them. Answered
 * once the blob is durable and the event committed — the moment SMTP may say {@code 250}.
 */
public record ReceiveEmailCommand(@TargetAggregateIdentifier EmailId emailId, AccountId accountId,
                                  MailboxId mailboxId, byte[] raw, EmailHeaders headers) {
}

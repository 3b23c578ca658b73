package com.qmailing.events.email;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.MailboxId;

import java.util.List;

/**
 * Composes and sends a message from a mailbox. The MIME is built at the mail edge, which then
 * asks the core to store the SENT copy ({@link StoreSentEmailCommand}); delivery follows from
 * the stored copy. Answers the id of the SENT copy.
 */
public record SendEmailCommand(EmailId emailId, AccountId accountId, MailboxId mailboxId, EmailAddress from,
                               String displayName, List<EmailAddress> to, List<EmailAddress> cc,
                               List<EmailAddress> bcc, String subject, String bodyText, String bodyHtml,
                               ReplyContext replyTo, List<OutgoingAttachment> attachments, String idempotencyKey) {

    /** What a reply threads onto: the parent's Message-ID and the ids it referenced. */
    public record ReplyContext(String messageId, List<String> references) {
    }
}

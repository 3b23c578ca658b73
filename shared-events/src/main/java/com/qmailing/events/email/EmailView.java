package com.qmailing.events.email;

import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.MailboxId;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An email's metadata as the read model keeps it; bodies are read from the raw message on demand.
 * {@code purgeAt} is set while the email is in the trash.
 */
public record EmailView(EmailId id, MailboxId mailboxId, Folder folder, String fromAddress, String toAddress,
                        String cc, String bcc, String subject, String previewText, boolean read, boolean starred,
                        boolean muted, boolean suspicious, String suspiciousReason, boolean hasAttachments,
                        Instant receivedAt, String messageId, String inReplyTo, UUID threadId, long sizeBytes,
                        List<AttachmentSummary> attachments, Instant purgeAt) {
}

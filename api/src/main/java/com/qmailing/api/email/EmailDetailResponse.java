package com.qmailing.api.email;

import com.qmailing.events.email.AttachmentSummary;
import com.qmailing.events.email.EmailContentView;
import com.qmailing.events.email.EmailView;
import com.qmailing.events.email.Folder;

import java.time.Instant;
import java.util.List;

/** One email with its bodies and attachment list; {@code bcc} is only ever set on mail this account sent. */
public record EmailDetailResponse(String id, String mailboxId, Folder folder, String fromAddress, String toAddress,
                                  String cc, String subject, String previewText, boolean read, boolean starred,
                                  boolean muted, boolean suspicious, String suspiciousReason, boolean hasAttachments,
                                  Instant receivedAt, String bcc, String bodyText, String bodyHtml, String messageId,
                                  String inReplyTo, String threadId, long sizeBytes, List<Attachment> attachments) {

    public record Attachment(int index, String filename, String contentType, long sizeBytes) {

        static Attachment of(AttachmentSummary summary) {
            return new Attachment(summary.index(), summary.filename(), summary.contentType(), summary.sizeBytes());
        }
    }

    static EmailDetailResponse of(EmailView view, EmailContentView content) {
        return new EmailDetailResponse(view.id().toString(), view.mailboxId().toString(), view.folder(),
                view.fromAddress(), view.toAddress(), view.cc(), view.subject(), view.previewText(), view.read(),
                view.starred(), view.muted(), view.suspicious(), view.suspiciousReason(), view.hasAttachments(),
                view.receivedAt(), view.bcc(), content == null ? null : content.bodyText(),
                content == null ? null : content.bodyHtml(), view.messageId(), view.inReplyTo(),
                view.threadId().toString(), view.sizeBytes(),
                view.attachments().stream().map(Attachment::of).toList());
    }
}

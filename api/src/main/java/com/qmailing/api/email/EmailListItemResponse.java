package com.qmailing.api.email;

import com.qmailing.events.email.EmailView;
import com.qmailing.events.email.Folder;

import java.time.Instant;

/** An email in a list, field for field as the hosted API has it. */
public record EmailListItemResponse(String id, String mailboxId, Folder folder, String fromAddress, String toAddress,
                                    String cc, String subject, String previewText, boolean read, boolean starred,
                                    boolean muted, boolean suspicious, String suspiciousReason,
                                    boolean hasAttachments, Instant receivedAt) {

    static EmailListItemResponse of(EmailView view) {
        return new EmailListItemResponse(view.id().toString(), view.mailboxId().toString(), view.folder(),
                view.fromAddress(), view.toAddress(), view.cc(), view.subject(), view.previewText(), view.read(),
                view.starred(), view.muted(), view.suspicious(), view.suspiciousReason(), view.hasAttachments(),
                view.receivedAt());
    }
}

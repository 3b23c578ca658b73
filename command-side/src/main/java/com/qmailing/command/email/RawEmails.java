package com.qmailing.command.email;

import com.qmailing.command.blob.BlobKey;
import com.qmailing.command.blob.EncryptedBlobs;
import com.qmailing.events.common.DataSubject;
import com.qmailing.events.email.GetRawEmailQuery;
import com.qmailing.events.email.RawEmailView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Reads raw messages back for the edges. The blob key includes the account, so a foreign
 * account's query finds nothing; a purged email's key is gone, so it reads as absent.
 */
@Component
class RawEmails {

    private final EncryptedBlobs blobs;

    RawEmails(EncryptedBlobs blobs) {
        this.blobs = blobs;
    }

    @QueryHandler
    RawEmailView handle(GetRawEmailQuery query) {
        return blobs.read(DataSubject.email(query.emailId(), query.accountId()),
                        BlobKey.email(query.accountId(), query.emailId().value()))
                .map(RawEmailView::new)
                .orElse(null);
    }
}

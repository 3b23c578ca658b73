package com.qmailing.command.blob;

import com.qmailing.command.config.BeforeCommitBatch;
import com.qmailing.command.config.LookupTables;
import com.qmailing.events.account.AccountPurgedEvent;
import com.qmailing.events.email.EmailPurgedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Deletes purged raw messages before the purge commits. The blob store is not part of the
 * transaction, but deleting is idempotent: if the commit then fails, the purge is retried and
 * deletes nothing more; if deleting fails, nothing commits and the purge is retried. The bytes are
 * unreadable either way once the scope's key is shredded.
 */
@Component
@ProcessingGroup(LookupTables.FOLLOW_UPS)
class BlobPurge {

    private final BlobStore store;
    private final BeforeCommitBatch<BlobKey> emailBlobs;

    BlobPurge(BlobStore store) {
        this.store = store;
        this.emailBlobs = new BeforeCommitBatch<>(store::delete);
    }

    /** Once per transaction for all its purged emails: one folder flush (or S3 request) per batch, not per email. */
    @EventHandler
    void on(EmailPurgedEvent event) {
        emailBlobs.add(BlobKey.email(event.accountId(), event.emailId().value()));
    }

    @EventHandler
    void on(AccountPurgedEvent event) {
        store.deleteAll(BlobKey.accountPrefix(event.accountId()));
    }
}

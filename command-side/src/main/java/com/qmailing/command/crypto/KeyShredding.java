package com.qmailing.command.crypto;

import com.qmailing.command.config.BeforeCommitBatch;
import com.qmailing.command.config.LookupTables;
import com.qmailing.events.account.AccountPurgedEvent;
import com.qmailing.events.email.EmailPurgedEvent;
import com.qmailing.events.mailbox.MailboxPurgedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Crypto-shredding, in the purge's own transaction: once the purged event commits, the scope's key
 * is gone, and with it every sealed field of its history and every blob encrypted under it.
 */
@Component
@ProcessingGroup(LookupTables.FOLLOW_UPS)
class KeyShredding {

    private final KeyVault vault;
    private final BeforeCommitBatch<UUID> emailKeys;

    KeyShredding(KeyVault vault) {
        this.vault = vault;
        this.emailKeys = new BeforeCommitBatch<>(vault::shredAll);
    }

    /** Once per transaction for all its purged emails: a mailbox purge batch holds hundreds. */
    @EventHandler
    void on(EmailPurgedEvent event) {
        emailKeys.add(event.emailId().value());
    }

    @EventHandler
    void on(MailboxPurgedEvent event) {
        vault.shred(event.mailboxId().value());
    }

    /** The account's own key and those of all its mailboxes and emails, purged one by one or not. */
    @EventHandler
    void on(AccountPurgedEvent event) {
        vault.shredAllOf(event.accountId());
    }
}

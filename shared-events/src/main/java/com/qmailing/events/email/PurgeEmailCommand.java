package com.qmailing.events.email;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Purges one email for good; purging a purged email records nothing new. */
public record PurgeEmailCommand(@TargetAggregateIdentifier EmailId emailId, AccountId accountId, Cause cause) {

    /** Why it goes, which decides what must hold first. */
    public enum Cause {
        /** The owner empties it from the trash now: only an email in the trash ({@code Conflict} otherwise). */
        REQUESTED,
        /** Its trash period ended: only an email still in the trash whose purge date has come. */
        TRASH_EXPIRED,
        /** Its mailbox is being purged: whatever folder it is in. */
        MAILBOX_PURGED
    }
}

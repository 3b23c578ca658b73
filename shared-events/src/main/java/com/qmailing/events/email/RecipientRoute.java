package com.qmailing.events.email;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.MailboxId;

/** Where mail for an address goes; mailbox and account are set for {@link Kind#MAILBOX} and {@link Kind#OVER_QUOTA}. */
public record RecipientRoute(Kind kind, MailboxId mailboxId, AccountId accountId) {

    public enum Kind {
        /** A hosted mailbox that takes mail. */
        MAILBOX,
        /** A hosted mailbox whose account has used up its plan's storage: mail is refused until space is freed. */
        OVER_QUOTA,
        /** A hosted domain, but no mailbox (or no longer one) has this address. */
        UNKNOWN_ADDRESS,
        /** Not a domain this instance hosts: relaying is refused. */
        NOT_HOSTED
    }

    public static RecipientRoute mailbox(MailboxId mailbox, AccountId account) {
        return new RecipientRoute(Kind.MAILBOX, mailbox, account);
    }

    public static RecipientRoute overQuota(MailboxId mailbox, AccountId account) {
        return new RecipientRoute(Kind.OVER_QUOTA, mailbox, account);
    }

    public static RecipientRoute unknownAddress() {
        return new RecipientRoute(Kind.UNKNOWN_ADDRESS, null, null);
    }

    public static RecipientRoute notHosted() {
        return new RecipientRoute(Kind.NOT_HOSTED, null, null);
    }
}

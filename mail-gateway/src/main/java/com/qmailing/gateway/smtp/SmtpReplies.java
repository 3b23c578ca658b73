package com.qmailing.gateway.smtp;

import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.RejectException;

/**
 * The replies a sending server acts on. 5xx says "stop trying", 4xx says "try again later":
 * anything we could not store durably must be 4xx, or mail is lost.
 */
final class SmtpReplies {

    private SmtpReplies() {
    }

    static RejectException unknownMailbox() {
        return new RejectException(550, "5.1.1 No such mailbox here");
    }

    static RejectException relayDenied() {
        return new RejectException(550, "5.7.1 Relaying denied: not a domain of this server");
    }

    static RejectException badAddress() {
        return new RejectException(553, "5.1.3 Bad recipient address syntax");
    }

    static RejectException mailboxFull() {
        return new RejectException(452, "4.2.2 Mailbox full: the account has used its storage");
    }

    /*
     * Refusals after DATA also close the session: the SMTP library keeps the failed transaction's
     * sender, so a client that went on without RSET would get "503 sender already specified".
     */

    static RejectException tooLarge(long limit) {
        return new DropConnectionException(552, "5.3.4 Message size exceeds fixed maximum message size of " + limit
                + " bytes");
    }

    static RejectException notStored() {
        return new DropConnectionException(451, "4.3.0 Temporary failure: message not stored, try again later");
    }

    static RejectException tryAgainLater() {
        return new RejectException(451, "4.3.0 Temporary failure, try again later");
    }
}

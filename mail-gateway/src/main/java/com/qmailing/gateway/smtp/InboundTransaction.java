package com.qmailing.gateway.smtp;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.email.RecipientRoute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.Session;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One SMTP mail transaction: recipients are checked one by one at {@code RCPT}, the message is
 * stored once per distinct mailbox at the end of {@code DATA}, and only then is {@code 250} sent.
 * Logs name failures by kind only: no address, subject or byte of content ever reaches a log.
 */
final class InboundTransaction implements MessageHandler {

    private static final Logger log = LoggerFactory.getLogger(InboundTransaction.class);

    private final MessageContext context;
    private final Ingest ingest;
    private final int maxMessageBytes;
    private final Map<MailboxId, AccountId> mailboxes = new LinkedHashMap<>();

    InboundTransaction(MessageContext context, Ingest ingest, int maxMessageBytes) {
        this.context = context;
        this.ingest = ingest;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void from(String from) {
        // Any sender, including the null sender of bounces: who may send here is not ours to judge by address.
    }

    @Override
    public void recipient(String recipient) throws RejectException {
        EmailAddress address;
        try {
            address = EmailAddress.parse(recipient);
        } catch (IllegalArgumentException e) {
            throw SmtpReplies.badAddress();
        }
        RecipientRoute route;
        try {
            route = ingest.resolve(address);
        } catch (RuntimeException e) {
            log.warn("Recipient lookup failed ({}); answering 451", e.getClass().getSimpleName());
            throw SmtpReplies.tryAgainLater();
        }
        switch (route.kind()) {
            case MAILBOX -> mailboxes.putIfAbsent(route.mailboxId(), route.accountId());
            case OVER_QUOTA -> throw SmtpReplies.mailboxFull();
            case UNKNOWN_ADDRESS -> throw SmtpReplies.unknownMailbox();
            case NOT_HOSTED -> throw SmtpReplies.relayDenied();
        }
    }

    @Override
    public String data(InputStream data) throws RejectException, IOException {
        byte[] raw = MessageData.read(data, maxMessageBytes, declaredSize());
        if (raw == null) {
            throw SmtpReplies.tooLarge(maxMessageBytes);
        }
        try {
            ingest.store(raw, mailboxes);
        } catch (RuntimeException e) {
            log.warn("Storing a message failed ({}); answering 451", e.getClass().getSimpleName());
            throw SmtpReplies.notStored();
        }
        return "2.0.0 Ok: stored";
    }

    /** The client's {@code SIZE=}: only the session knows it, and it is 0 when none was given. */
    private int declaredSize() {
        return context instanceof Session session ? session.getDeclaredMessageSize() : 0;
    }

    @Override
    public void done() {
        mailboxes.clear();
    }
}

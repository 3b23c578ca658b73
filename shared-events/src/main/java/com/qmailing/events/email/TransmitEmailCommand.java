package com.qmailing.events.email;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.EmailId;

import java.util.List;

/**
 * Hands a stored sent email to the outbound transport for these (non-hosted) recipients. The
 * transport answers at once and reports the outcome later with a {@link RecordDeliveryAttemptCommand},
 * so the delivery saga never waits on a remote server. The envelope sender is {@code envelopeFrom}
 * when given (a forward goes out from the forwarding mailbox), else the message's From.
 */
public record TransmitEmailCommand(EmailId emailId, AccountId accountId, List<EmailAddress> recipients,
                                   int attempt, EmailAddress envelopeFrom) {

    public TransmitEmailCommand(EmailId emailId, AccountId accountId, List<EmailAddress> recipients, int attempt) {
        this(emailId, accountId, recipients, attempt, null);
    }
}

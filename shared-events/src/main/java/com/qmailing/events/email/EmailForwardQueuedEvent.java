package com.qmailing.events.email;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.DataSubject;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.HasPersonalData;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A forwarding mailbox received a message and stored a forward copy of it (the received bytes under a
 * trace header) to re-send to {@code recipients}, its {@code forwardTo}. The copy is in no folder and
 * counts nowhere: it lives only until the forward is delivered or bounced. {@code copyKept} says whether
 * the mailbox also kept the message in its INBOX ({@code forwardOnly} off); when it did not, a bounced
 * forward is kept there instead, so nothing accepted is lost.
 */
@Revision("1")
public record EmailForwardQueuedEvent(EmailId emailId, AccountId accountId, MailboxId mailboxId, long sizeBytes,
                                      @PersonalData EmailHeaders headers,
                                      @PersonalData List<EmailAddress> recipients, boolean copyKept,
                                      Instant queuedAt) implements HasPersonalData {

    @Override
    public DataSubject dataSubject() {
        return DataSubject.email(emailId, accountId);
    }
}

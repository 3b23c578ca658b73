package com.qmailing.command.email;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.qmailing.command.blob.BlobKey;
import com.qmailing.command.blob.EncryptedBlobs;
import com.qmailing.command.mailbox.AddressRegistry;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.DataSubject;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.common.PlanCatalog;
import com.qmailing.events.email.DeliveryOutcome;
import com.qmailing.events.email.EmailBouncedEvent;
import com.qmailing.events.email.EmailDeliveredEvent;
import com.qmailing.events.email.EmailDeliveryDeferredEvent;
import com.qmailing.events.email.EmailDeliveryRetriedEvent;
import com.qmailing.events.email.EmailForwardQueuedEvent;
import com.qmailing.events.email.EmailHeaders;
import com.qmailing.events.email.EmailPurgedEvent;
import com.qmailing.events.email.EmailSentEvent;
import com.qmailing.events.email.ReceiveEmailCommand;
import com.qmailing.events.email.RecordDeliveryAttemptCommand;
import com.qmailing.events.email.RetryDeliveryCommand;
import com.qmailing.events.email.SettleForwardCommand;
import com.qmailing.events.email.TransmitEmailCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivers one sent email to every recipient. Hosted recipients get a local receive at once;
 * others go to the outbound transport, whose outcome comes back as an event. Temporary failures
 * are retried on durable deadlines (they survive restarts); the saga ends when every recipient
 * is delivered or bounced.
 * <p>
 * A forward copy is delivered the same way, to its mailbox's {@code forwardTo}, with that mailbox
 * as the envelope sender; once settled, the copy is purged ({@link SettleForwardCommand}) and the
 * saga ends with the purge.
 * <p>
 * Its state is stored in clear, so it keeps no addresses: only the email's ids, how many
 * recipients still wait and the ids of its pending deadlines. Addresses come from the email's
 * sealed events when needed.
 * <p>
 * Its only association is its start association ({@code emailId}), which its manager relies on
 * ({@link OwnSegmentSagaManager}).
 * <p>
 * Deadlines are cancelled by their id: cancelling by name makes the db-scheduler deadline manager
 * read and deserialise every scheduled deadline of the instance (purges included), twice for
 * every settled email.
 */
// Not @Saga: DeliveryProcessing registers it, with a manager of its own.
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class DeliverySaga {

    private static final String RETRY = "delivery-retry";
    /** A transmission whose outcome never came back (the process died mid-send) is tried again. */
    private static final String TIMEOUT = "delivery-timeout";
    private static final Duration TRANSMISSION_TIMEOUT = Duration.ofMinutes(15);
    /** Asks again to settle a forward whose purge has not been seen by then. */
    private static final String SETTLE = "forward-settle";
    private static final Duration SETTLE_CHECK = Duration.ofMinutes(15);

    private EmailId emailId;
    private AccountId accountId;
    private int waiting;
    /** Set when the email is a forward copy: the mailbox that forwards it. */
    private MailboxId forwardingMailbox;
    private String retryDeadline;
    private String timeoutDeadline;
    private String settleDeadline;

    @Autowired
    private transient CommandGateway commands;
    @Autowired
    private transient DeadlineManager deadlines;
    @Autowired
    private transient AddressRegistry addresses;
    @Autowired
    private transient EncryptedBlobs blobs;
    @Autowired
    private transient PlanCatalog plans;
    @Autowired
    private transient DeliveryRetries retries;

    @StartSaga
    @SagaEventHandler(associationProperty = "emailId")
    void on(EmailSentEvent event) {
        emailId = event.emailId();
        accountId = event.accountId();
        start(event.recipients(), event.headers());
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "emailId")
    void on(EmailForwardQueuedEvent event) {
        emailId = event.emailId();
        accountId = event.accountId();
        forwardingMailbox = event.mailboxId();
        start(event.recipients(), event.headers());
    }

    private void start(List<EmailAddress> all, EmailHeaders headers) {
        List<EmailAddress> recipients = all == null ? List.of() : all;
        waiting = recipients.size();
        if (waiting == 0) {
            SagaLifecycle.end();
            return;
        }
        List<EmailAddress> remote = new ArrayList<>();
        Map<EmailAddress, AddressRegistry.Receiver> local = new LinkedHashMap<>();
        for (EmailAddress recipient : recipients) {
            var receiver = addresses.receiverOf(recipient);
            if (receiver.isPresent()) {
                local.put(recipient, receiver.get());
            } else if (addresses.isHostedDomain(recipient)) {
                record(List.of(recipient), 1, DeliveryOutcome.PERMANENT_FAILURE, "550 5.1.1 no such mailbox here");
            } else {
                remote.add(recipient);
            }
        }
        if (!local.isEmpty()) {
            deliverLocally(headers, local);
        }
        if (!remote.isEmpty()) {
            transmit(remote, 1);
        } else if (forwardingMailbox == null) {
            // Every outcome is recorded already: storing the saga only to delete it when those
            // records come back cost a saga row, an association and their reads for every hosted send.
            SagaLifecycle.end();
        }
    }

    @SagaEventHandler(associationProperty = "emailId")
    void on(EmailDeliveryDeferredEvent event) {
        cancelTimeout();
        retries.after(event.attempt()).ifPresentOrElse(
                delay -> retryDeadline = deadlines.schedule(delay, RETRY, event.attempt() + 1),
                () -> record(event.recipients(), event.attempt(), DeliveryOutcome.PERMANENT_FAILURE,
                        "gave up after " + event.attempt() + " attempts; last error: " + event.reason()));
    }

    @DeadlineHandler(deadlineName = RETRY)
    void retry(Integer attempt) {
        retryDeadline = null;
        commands.send(new RetryDeliveryCommand(emailId, accountId, attempt));
    }

    @DeadlineHandler(deadlineName = TIMEOUT)
    void timedOut(Integer attempt) {
        timeoutDeadline = null;
        commands.send(new RetryDeliveryCommand(emailId, accountId, attempt + 1));
    }

    @SagaEventHandler(associationProperty = "emailId")
    void on(EmailDeliveryRetriedEvent event) {
        if (event.recipients() != null && !event.recipients().isEmpty()) {
            transmit(event.recipients(), event.attempt());
        }
    }

    private void transmit(List<EmailAddress> recipients, int attempt) {
        timeoutDeadline = deadlines.schedule(TRANSMISSION_TIMEOUT, TIMEOUT, attempt);
        EmailAddress envelopeFrom = forwardingMailbox == null ? null
                : addresses.addressOf(forwardingMailbox).orElse(null);
        commands.send(new TransmitEmailCommand(emailId, accountId, recipients, attempt, envelopeFrom));
    }

    @SagaEventHandler(associationProperty = "emailId")
    void on(EmailDeliveredEvent event) {
        settled(event.recipients());
    }

    @SagaEventHandler(associationProperty = "emailId")
    void on(EmailBouncedEvent event) {
        settled(event.recipients());
    }

    /** Nothing is left to deliver once the message itself is gone. */
    @EndSaga
    @SagaEventHandler(associationProperty = "emailId")
    void on(EmailPurgedEvent event) {
        cancelRetry();
        cancelTimeout();
        cancel(SETTLE, settleDeadline);
        settleDeadline = null;
    }

    @DeadlineHandler(deadlineName = SETTLE)
    void settleAgain() {
        settleDeadline = null;
        settleForward();
    }

    private void settled(List<EmailAddress> recipients) {
        waiting -= recipients == null ? waiting : recipients.size();
        if (waiting <= 0) {
            cancelRetry();
            cancelTimeout();
            if (forwardingMailbox == null) {
                SagaLifecycle.end();
            } else {
                settleForward();
            }
        }
    }

    /** The copy's purge ends the saga; until it is seen, a durable deadline asks again. */
    private void settleForward() {
        settleDeadline = deadlines.schedule(SETTLE_CHECK, SETTLE);
        commands.send(new SettleForwardCommand(emailId, accountId));
    }

    private void cancelRetry() {
        cancel(RETRY, retryDeadline);
        retryDeadline = null;
    }

    private void cancelTimeout() {
        cancel(TIMEOUT, timeoutDeadline);
        timeoutDeadline = null;
    }

    private void cancel(String name, String scheduleId) {
        if (scheduleId != null) {
            deadlines.cancelSchedule(name, scheduleId);
        }
    }

    /**
     * The recipient's own copy: the same bytes, without the sender's Bcc list, in their INBOX. A
     * full mailbox is a bounce the sender hears about, as it would be from any other server.
     */
    private void deliverLocally(EmailHeaders h, Map<EmailAddress, AddressRegistry.Receiver> local) {
        // Read and decrypted once, however many hosted recipients share it.
        byte[] raw = blobs.read(DataSubject.email(emailId, accountId), BlobKey.email(accountId, emailId.value()))
                .orElse(null);
        EmailHeaders received = new EmailHeaders(h.fromAddress(), h.fromName(), h.to(), h.cc(), List.of(), h.subject(),
                h.previewText(), h.messageId(), h.inReplyTo(), h.references(), h.sentAt(), h.attachments());
        local.forEach((recipient, receiver) -> {
            if (raw == null) {
                record(List.of(recipient), 1, DeliveryOutcome.PERMANENT_FAILURE,
                        "the message was deleted before delivery");
            } else if (receiver.accountStorageBytes() >= plans.of(receiver.plan()).storageBytes()) {
                record(List.of(recipient), 1, DeliveryOutcome.PERMANENT_FAILURE, "552 5.2.2 mailbox full");
            } else {
                commands.sendAndWait(new ReceiveEmailCommand(EmailId.random(), receiver.account(),
                        receiver.mailbox(), raw, received));
                record(List.of(recipient), 1, DeliveryOutcome.DELIVERED, null);
            }
        });
    }

    private void record(List<EmailAddress> recipients, int attempt, DeliveryOutcome outcome, String reason) {
        commands.send(new RecordDeliveryAttemptCommand(emailId, accountId, recipients, attempt, outcome, reason));
    }
}

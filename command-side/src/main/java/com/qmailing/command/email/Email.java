package com.qmailing.command.email;

import com.qmailing.command.config.Retention;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.BusinessRuleException;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.email.ChangeEmailFlagsCommand;
import com.qmailing.events.email.EmailBouncedEvent;
import com.qmailing.events.email.EmailDeliveredEvent;
import com.qmailing.events.email.EmailDeliveryDeferredEvent;
import com.qmailing.events.email.EmailSentEvent;
import com.qmailing.events.email.EmailDeliveryRetriedEvent;
import com.qmailing.events.email.RecordDeliveryAttemptCommand;
import com.qmailing.events.email.RetryDeliveryCommand;
import com.qmailing.events.email.EmailFlagsChangedEvent;
import com.qmailing.events.email.EmailForwardQueuedEvent;
import com.qmailing.events.email.EmailHeaders;
import com.qmailing.events.email.EmailMovedEvent;
import com.qmailing.events.email.EmailPurgedEvent;
import com.qmailing.events.email.EmailReceivedEvent;
import com.qmailing.events.email.EmailRestoredEvent;
import com.qmailing.events.email.EmailTrashedEvent;
import com.qmailing.events.email.Folder;
import com.qmailing.events.email.MoveEmailCommand;
import com.qmailing.events.email.PurgeEmailCommand;
import com.qmailing.events.email.RestoreEmailCommand;
import com.qmailing.events.email.TrashEmailCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One stored message in one mailbox: its folder and flags. Kept deliberately small (one
 * aggregate per email, a handful of events each) so loading it stays cheap however much mail
 * an account holds. The content lives in the blob store, never here.
 */
@Aggregate(cache = "emailCache")
public class Email {

    @AggregateIdentifier
    private EmailId id;
    private AccountId owner;
    private MailboxId mailbox;
    private Folder folder;
    private Folder beforeTrash;
    private boolean read;
    private boolean starred;
    private long sizeBytes;
    /** Set while the email is in the trash. */
    private Instant purgeAt;
    private boolean purged;
    /** Recipients of a sent email whose delivery has no final outcome yet. */
    private final Set<EmailAddress> pending = new HashSet<>();
    /** A forward copy: in no folder, seen by no one, gone once its delivery is settled. */
    private boolean forward;
    private boolean copyKept;
    private boolean bounced;
    private EmailHeaders forwardHeaders;

    protected Email() {
        // for Axon
    }

    /** Created by {@link EmailReception} once the raw message is durable in the blob store. */
    Email(EmailReceivedEvent received) {
        apply(received);
    }

    /** Created by {@link EmailSending}: the SENT copy, read from the start. */
    Email(EmailSentEvent sent) {
        apply(sent);
    }

    /** Created by {@link EmailReception} for a forwarding mailbox, once the forward copy is durable. */
    Email(EmailForwardQueuedEvent queued) {
        apply(queued);
    }

    /**
     * Ends a forward copy whose delivery is settled: it is purged, and when its forward bounced and
     * its mailbox kept no copy, the caller keeps the message in the INBOX instead. Settling twice,
     * or settling what is not a forward, does nothing.
     *
     * @return where and under which headers to keep the message, when it must be kept
     */
    Optional<Undelivered> settleForward(AccountId caller, Instant now) {
        checkSender(caller);
        if (!forward || purged) {
            return Optional.empty();
        }
        if (!pending.isEmpty()) {
            throw new BusinessRuleException(ErrorCode.CONFLICT, "forward: delivery is still under way");
        }
        Optional<Undelivered> keep = bounced && !copyKept
                ? Optional.of(new Undelivered(mailbox, forwardHeaders)) : Optional.empty();
        apply(new EmailPurgedEvent(id, owner, mailbox, sizeBytes, now));
        return keep;
    }

    record Undelivered(MailboxId mailbox, EmailHeaders headers) {
    }

    /** Asks for another attempt at every recipient still without a final outcome. */
    @CommandHandler
    void handle(RetryDeliveryCommand command, Clock clock) {
        checkSender(command.accountId());
        if (!pending.isEmpty()) {
            apply(new EmailDeliveryRetriedEvent(id, owner, mailbox, List.copyOf(pending), command.attempt(),
                    clock.instant()));
        }
    }

    /**
     * Records a delivery attempt of a sent email. Recipients already delivered or bounced are
     * left out, so a late or repeated report never turns a delivery into a bounce.
     */
    @CommandHandler
    void handle(RecordDeliveryAttemptCommand command, Clock clock) {
        checkSender(command.accountId());
        List<EmailAddress> open = command.recipients().stream().filter(pending::contains).toList();
        if (open.isEmpty()) {
            return;
        }
        var now = clock.instant();
        switch (command.outcome()) {
            case DELIVERED -> apply(new EmailDeliveredEvent(id, owner, mailbox, open, command.attempt(), now));
            case TEMPORARY_FAILURE -> apply(new EmailDeliveryDeferredEvent(id, owner, mailbox, open,
                    command.attempt(), command.reason(), now));
            case PERMANENT_FAILURE -> apply(new EmailBouncedEvent(id, owner, mailbox, open, command.attempt(),
                    command.reason(), now));
        }
    }

    @CommandHandler
    void handle(ChangeEmailFlagsCommand command, Clock clock) {
        checkOwner(command.accountId());
        boolean newRead = command.read() == null ? read : command.read();
        boolean newStarred = command.starred() == null ? starred : command.starred();
        if (newRead != read || newStarred != starred) {
            apply(new EmailFlagsChangedEvent(id, owner, mailbox, newRead, newStarred, clock.instant()));
        }
    }

    @CommandHandler
    void handle(MoveEmailCommand command, Clock clock, Retention retention) {
        checkOwner(command.accountId());
        Folder target = command.folder();
        if (target == null || target.isView()) {
            throw new BusinessRuleException(ErrorCode.VALIDATION_FAILED,
                    "folder: " + target + " is a view, not a folder an email can be moved to");
        }
        if (target == folder) {
            return;
        }
        if (target == Folder.TRASH) {
            trash(clock, retention);
        } else if (folder == Folder.TRASH) {
            apply(new EmailRestoredEvent(id, owner, mailbox, target, clock.instant()));
        } else {
            apply(new EmailMovedEvent(id, owner, mailbox, folder, target, clock.instant()));
        }
    }

    /** Idempotent: trashing what is already in the trash keeps its first purge date. */
    @CommandHandler
    void handle(TrashEmailCommand command, Clock clock, Retention retention) {
        checkOwner(command.accountId());
        if (folder != Folder.TRASH) {
            trash(clock, retention);
        }
    }

    /** Idempotent: restoring an email that is not in the trash changes nothing. */
    @CommandHandler
    void handle(RestoreEmailCommand command, Clock clock) {
        checkOwner(command.accountId());
        if (folder == Folder.TRASH) {
            apply(new EmailRestoredEvent(id, owner, mailbox, beforeTrash, clock.instant()));
        }
    }

    /**
     * The decision only: the blob, the key and the lookup rows follow the event in the same
     * transaction, so a committed {@link EmailPurgedEvent} means they are gone.
     */
    @CommandHandler
    void handle(PurgeEmailCommand command, Clock clock) {
        if (purged) {
            return;
        }
        if (command.cause() == PurgeEmailCommand.Cause.MAILBOX_PURGED) {
            checkSender(command.accountId());
        } else {
            checkOwner(command.accountId());
        }
        Instant now = clock.instant();
        switch (command.cause()) {
            case REQUESTED -> {
                if (folder != Folder.TRASH) {
                    throw new BusinessRuleException(ErrorCode.CONFLICT,
                            "email: only an email in the trash can be deleted permanently");
                }
            }
            case TRASH_EXPIRED -> {
                if (folder != Folder.TRASH || now.isBefore(purgeAt)) {
                    throw new BusinessRuleException(ErrorCode.CONFLICT, "email: no purge is due");
                }
            }
            case MAILBOX_PURGED -> {
                // Everything in a purged mailbox goes, whatever its folder.
            }
        }
        apply(new EmailPurgedEvent(id, owner, mailbox, sizeBytes, now));
    }

    private void trash(Clock clock, Retention retention) {
        var now = clock.instant();
        apply(new EmailTrashedEvent(id, owner, mailbox, folder, now, retention.purgeAt(now)));
    }

    /**
     * Another account's email, a purged one, or a forward copy (in no folder) does not exist as far
     * as the caller can tell.
     */
    private void checkOwner(AccountId caller) {
        if (purged || forward) {
            throw new BusinessRuleException(ErrorCode.NOT_FOUND, "email not found");
        }
        checkSender(caller);
    }

    /**
     * Delivery reports still reach a purged email (its saga may be mid-retry); with no one left
     * pending they record nothing, rather than failing a deadline that would then fire for ever.
     */
    private void checkSender(AccountId caller) {
        if (!owner.equals(caller)) {
            throw new BusinessRuleException(ErrorCode.NOT_FOUND, "email not found");
        }
    }

    @EventSourcingHandler
    void on(EmailReceivedEvent event) {
        id = event.emailId();
        owner = event.accountId();
        mailbox = event.mailboxId();
        folder = event.folder();
        sizeBytes = event.sizeBytes();
    }

    @EventSourcingHandler
    void on(EmailSentEvent event) {
        id = event.emailId();
        owner = event.accountId();
        mailbox = event.mailboxId();
        folder = Folder.SENT;
        read = true;
        sizeBytes = event.sizeBytes();
        // A shredded list (purged email replayed) has no one left to deliver to.
        if (event.recipients() != null) {
            pending.addAll(event.recipients());
        }
    }

    /** The copy counts against no quota ({@code sizeBytes} is what the purge gives back), so it holds 0. */
    @EventSourcingHandler
    void on(EmailForwardQueuedEvent event) {
        id = event.emailId();
        owner = event.accountId();
        mailbox = event.mailboxId();
        read = true;
        forward = true;
        copyKept = event.copyKept();
        forwardHeaders = event.headers();
        if (event.recipients() != null) {
            pending.addAll(event.recipients());
        }
    }

    @EventSourcingHandler
    void on(EmailDeliveredEvent event) {
        if (event.recipients() != null) {
            event.recipients().forEach(pending::remove);
        }
    }

    @EventSourcingHandler
    void on(EmailBouncedEvent event) {
        bounced = true;
        if (event.recipients() != null) {
            event.recipients().forEach(pending::remove);
        }
    }

    @EventSourcingHandler
    void on(EmailFlagsChangedEvent event) {
        read = event.read();
        starred = event.starred();
    }

    @EventSourcingHandler
    void on(EmailMovedEvent event) {
        folder = event.to();
    }

    @EventSourcingHandler
    void on(EmailTrashedEvent event) {
        beforeTrash = event.previousFolder();
        folder = Folder.TRASH;
        purgeAt = event.purgeAt();
    }

    @EventSourcingHandler
    void on(EmailRestoredEvent event) {
        folder = event.folder();
        beforeTrash = null;
        purgeAt = null;
    }

    @EventSourcingHandler
    void on(EmailPurgedEvent event) {
        purged = true;
        pending.clear();
    }
}

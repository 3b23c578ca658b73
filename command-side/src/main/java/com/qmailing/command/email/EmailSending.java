package com.qmailing.command.email;

import com.qmailing.command.account.AccountRegistry;
import com.qmailing.command.mailbox.AddressRegistry;
import com.qmailing.events.common.BusinessRuleException;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.events.email.EmailSentEvent;
import com.qmailing.events.email.StoreSentEmailCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Stores the SENT copy of a composed message ({@link MessageStorage}) after the checks that must
 * hold exactly: the daily send limit (row lock per account) and the Idempotency-Key (primary key
 * per account). Delivery starts from the event.
 */
@Component
class EmailSending {

    private static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    private final Repository<Email> emails;
    private final MessageStorage storage;
    private final AddressRegistry addresses;
    private final AccountRegistry accounts;
    private final JdbcTemplate jdbc;

    EmailSending(@Lazy Repository<Email> emails, MessageStorage storage, AddressRegistry addresses,
                 AccountRegistry accounts, JdbcTemplate jdbc) {
        this.emails = emails;
        this.storage = storage;
        this.addresses = addresses;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @CommandHandler
    EmailId handle(StoreSentEmailCommand command, Clock clock) throws Exception {
        var now = clock.instant();
        if (command.idempotencyKey() != null) {
            claim(command, now);
        }
        if (!addresses.isActive(command.mailboxId())) {
            throw new BusinessRuleException(ErrorCode.CONFLICT, "mailbox is deleted: restore it to send from it");
        }
        accounts.takeDailySend(command.accountId(), LocalDate.ofInstant(now, ZoneOffset.UTC));
        EmailId email = command.emailId();
        UUID thread = storage.store(email, command.accountId(), command.mailboxId(), command.raw(), command.headers());
        EmailSentEvent sent = new EmailSentEvent(email, command.accountId(), command.mailboxId(), thread,
                command.raw().length, command.headers(), command.recipients(), now);
        emails.newInstance(() -> new Email(sent));
        return email;
    }

    /** A key older than the window is released first, so it can name a new send. */
    private void claim(StoreSentEmailCommand command, Instant now) {
        jdbc.update("delete from send_idempotency_keys where account_id = ? and idempotency_key = ? "
                + "and created_at < ?", command.accountId().value(), command.idempotencyKey(),
                Timestamp.from(now.minus(IDEMPOTENCY_WINDOW)));
        int claimed = jdbc.update("insert into send_idempotency_keys (account_id, idempotency_key, email_id, "
                        + "created_at) values (?, ?, ?, ?) on conflict do nothing", command.accountId().value(),
                command.idempotencyKey(), command.emailId().value(), Timestamp.from(now));
        if (claimed == 0) {
            throw new BusinessRuleException(ErrorCode.CONFLICT, "Idempotency-Key: already used for another send");
        }
    }
}

package com.qmailing.api.email;

import com.qmailing.api.auth.Caller;
import com.qmailing.api.core.Gateways;
import com.qmailing.api.core.Ids;
import com.qmailing.api.error.ApiProblem;
import com.qmailing.events.common.BusinessError;
import com.qmailing.events.common.BusinessRuleException;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.email.EmailView;
import com.qmailing.events.email.FindIdempotentSendQuery;
import com.qmailing.events.email.GetEmailQuery;
import com.qmailing.events.email.OutgoingAttachment;
import com.qmailing.events.email.SendEmailCommand;
import com.qmailing.events.mailbox.GetMailboxQuery;
import com.qmailing.events.mailbox.MailboxStatus;
import com.qmailing.events.mailbox.MailboxView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code POST /email/send}, shared by REST and MCP: checks the request, sends, answers the SENT copy. */
@Service
public class Sending {

    private static final int MAX_TO = 50;
    private static final int MAX_COPIES = 50;
    private static final int MAX_SUBJECT = 998;

    private final Gateways gateways;
    private final Emails emails;
    private final Clock clock;
    private final long maxMessageBytes;

    public Sending(Gateways gateways, Emails emails, Clock clock,
                   @Value("${qmailing.max-message-bytes:26214400}") long maxMessageBytes) {
        this.gateways = gateways;
        this.emails = emails;
        this.clock = clock;
        this.maxMessageBytes = maxMessageBytes;
    }

    public EmailDetailResponse send(Caller caller, SendEmailRequest request, List<OutgoingAttachment> attachments,
                                    String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
            throw ApiProblem.invalid("Idempotency-Key", "must be 1 to 255 characters");
        }
        Optional<EmailDetailResponse> earlier = earlierSend(caller, idempotencyKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (request.mailboxId() == null) {
            throw ApiProblem.invalid("mailboxId", "must not be null");
        }
        MailboxId mailboxId = Ids.parse(request.mailboxId(), MailboxId::parse);
        MailboxView mailbox = gateways.one(new GetMailboxQuery(caller.accountId(), mailboxId), MailboxView.class)
                .orElseThrow(ApiProblem::notFound);
        if (mailbox.status() == MailboxStatus.DELETED) {
            throw new ApiProblem(ErrorCode.CONFLICT, "mailboxId: the mailbox is deleted; restore it to send from it");
        }
        List<EmailAddress> to = addresses("to", request.to(), 1, MAX_TO);
        List<EmailAddress> cc = addresses("cc", request.cc(), 0, MAX_COPIES);
        List<EmailAddress> bcc = addresses("bcc", request.bcc(), 0, MAX_COPIES);
        String subject = request.subject();
        if (subject != null && subject.length() > MAX_SUBJECT) {
            throw ApiProblem.invalid("subject", "at most " + MAX_SUBJECT + " characters");
        }
        if (subject != null && subject.chars().anyMatch(c -> c == '\r' || c == '\n')) {
            throw ApiProblem.invalid("subject", "must be a single line");
        }
        long size = length(request.bodyText()) + length(request.bodyHtml())
                + attachments.stream().mapToLong(a -> a.content().length).sum();
        if (size > maxMessageBytes) {
            throw new ApiProblem(ErrorCode.PAYLOAD_TOO_LARGE, "message: larger than " + maxMessageBytes + " bytes");
        }
        SendEmailCommand.ReplyContext replyTo = null;
        if (request.replyToId() != null) {
            EmailView parent = gateways.one(new GetEmailQuery(caller.accountId(),
                    Ids.parse(request.replyToId(), EmailId::parse)), EmailView.class)
                    .orElseThrow(() -> ApiProblem.invalid("replyToId", "no such email"));
            List<String> references = new ArrayList<>();
            if (parent.inReplyTo() != null) {
                references.add(parent.inReplyTo());
            }
            replyTo = new SendEmailCommand.ReplyContext(parent.messageId(), references);
        }
        EmailId emailId = EmailId.random();
        try {
            gateways.sendAndSettle(new SendEmailCommand(emailId, caller.accountId(), mailboxId,
                    EmailAddress.parse(mailbox.address()), mailbox.displayName(), to, cc, bcc, subject,
                    request.bodyText(), request.bodyHtml(), replyTo, attachments, idempotencyKey), emailId);
        } catch (RuntimeException e) {
            Optional<BusinessError> error = BusinessRuleException.errorOf(e);
            if (error.isPresent() && error.get().code() == ErrorCode.DAILY_SEND_LIMIT_REACHED) {
                throw new ApiProblem(ErrorCode.DAILY_SEND_LIMIT_REACHED, error.get().detail(),
                        Map.of("retryAfterSeconds", secondsUntilTomorrow()));
            }
            if (error.isPresent() && error.get().code() == ErrorCode.CONFLICT && idempotencyKey != null) {
                // Two requests with one key raced: the other one's send is the answer to both.
                return earlierSend(caller, idempotencyKey).orElseThrow(() -> e);
            }
            throw e;
        }
        return emails.get(caller, emailId.toString());
    }

    private Optional<EmailDetailResponse> earlierSend(Caller caller, String idempotencyKey) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return gateways.one(new FindIdempotentSendQuery(caller.accountId(), idempotencyKey), EmailId.class)
                .map(id -> {
                    gateways.settle(id);
                    return emails.get(caller, id.toString());
                });
    }

    private long secondsUntilTomorrow() {
        var now = clock.instant();
        var midnight = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return Math.max(1, Duration.between(now, midnight).toSeconds());
    }

    private static List<EmailAddress> addresses(String field, List<String> values, int min, int max) {
        List<String> given = values == null ? List.of() : values;
        if (given.size() < min || given.size() > max) {
            throw ApiProblem.invalid(field, "between " + min + " and " + max + " addresses");
        }
        List<EmailAddress> parsed = new ArrayList<>(given.size());
        for (String value : given) {
            try {
                parsed.add(EmailAddress.parse(value));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw ApiProblem.invalid(field, "not a valid email address: " + value);
            }
        }
        return parsed;
    }

    private static long length(String text) {
        return text == null ? 0 : text.length();
    }
}

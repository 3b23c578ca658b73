package com.qmailing.gateway.smtp;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.email.EmailHeaders;
import com.qmailing.events.email.ReceiveEmailCommand;
import com.qmailing.events.email.RecipientRoute;
import com.qmailing.events.email.ResolveRecipientQuery;
import com.qmailing.gateway.message.MessageSummaries;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The core as SMTP sees it: where an address goes, and "store this for these mailboxes". */
@Component
class Ingest {

    /** Well below the sending servers' patience for the final reply (RFC 5321 asks them for 10 minutes). */
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(60);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final MessageSummaries summaries;

    Ingest(CommandGateway commands, QueryGateway queries, MessageSummaries summaries) {
        this.commands = commands;
        this.queries = queries;
        this.summaries = summaries;
    }

    RecipientRoute resolve(EmailAddress address) {
        return await(queries.query(new ResolveRecipientQuery(address), ResponseTypes.instanceOf(RecipientRoute.class)));
    }

    /**
     * Parses once, then stores one copy per mailbox, each under its own key. Returns only when
     * every copy is durable; a failure part way leaves the stored copies in place and the sender
     * retries the whole message (at-least-once, never at-most-once).
     */
    void store(byte[] raw, Map<MailboxId, AccountId> mailboxes) {
        EmailHeaders parsed = summaries.of(raw);
        mailboxes.forEach((mailbox, account) -> await(commands.send(
                new ReceiveEmailCommand(EmailId.random(), account, mailbox, raw, parsed))));
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(STORE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new CompletionException(e.getCause());
        } catch (TimeoutException e) {
            throw new CompletionException(e);
        }
    }
}

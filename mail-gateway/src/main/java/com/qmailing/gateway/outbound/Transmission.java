package com.qmailing.gateway.outbound;

import com.qmailing.events.email.DeliveryOutcome;
import com.qmailing.events.email.GetRawEmailQuery;
import com.qmailing.events.email.RawEmailView;
import com.qmailing.events.email.RecordDeliveryAttemptCommand;
import com.qmailing.events.email.TransmitEmailCommand;
import com.qmailing.gateway.mime.MessageAddress;
import com.qmailing.gateway.mime.MimeParser;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Takes a transmission off the caller's thread (the delivery saga must never wait on a remote
 * server) and reports the outcome as a command. If the process dies first, the saga's own
 * timeout asks again: delivery is at least once.
 */
class Transmission {

    private static final Logger log = LoggerFactory.getLogger(Transmission.class);

    private final OutboundTransport transport;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final MimeParser parser;
    private final ExecutorService workers;

    Transmission(OutboundTransport transport, CommandGateway commands, QueryGateway queries, MimeParser parser,
                 ExecutorService workers) {
        this.transport = transport;
        this.commands = commands;
        this.queries = queries;
        this.parser = parser;
        this.workers = workers;
    }

    @CommandHandler
    void handle(TransmitEmailCommand command) {
        workers.execute(() -> report(command, attempt(command)));
    }

    private OutboundTransport.Result attempt(TransmitEmailCommand command) {
        try {
            byte[] raw = queries.query(new GetRawEmailQuery(command.accountId(), command.emailId()),
                            ResponseTypes.optionalInstanceOf(RawEmailView.class))
                    .get(30, TimeUnit.SECONDS).map(RawEmailView::raw).orElse(null);
            if (raw == null) {
                return OutboundTransport.Result.permanent("the message was deleted before it could be sent");
            }
            return transport.send(envelopeFrom(command, raw), command.recipients(), raw);
        } catch (Exception e) {
            log.warn("Transmission of {} failed before reaching the transport ({})", command.emailId(),
                    e.getClass().getSimpleName());
            return OutboundTransport.Result.temporary("internal error before sending; will retry");
        }
    }

    /** A forward names its mailbox as the sender; a message sent here goes out from its From. */
    private String envelopeFrom(TransmitEmailCommand command, byte[] raw) {
        if (command.envelopeFrom() != null) {
            return command.envelopeFrom().toString();
        }
        MessageAddress from = parser.summarise(headerBlock(raw)).from();
        return from == null ? "" : from.address();
    }

    /**
     * The message up to and including the blank line after its headers: the From is all that is
     * needed here, and parsing the whole message for it cost as much as a fifth of a relayed
     * message's MIME work. A message without a blank line is returned whole.
     */
    static byte[] headerBlock(byte[] raw) {
        for (int i = 0; i + 1 < raw.length; i++) {
            if (raw[i] == '\n' && raw[i + 1] == '\n') {
                return Arrays.copyOf(raw, i + 2);
            }
            if (raw[i] == '\n' && raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n') {
                return Arrays.copyOf(raw, i + 3);
            }
        }
        return raw;
    }

    private void report(TransmitEmailCommand command, OutboundTransport.Result result) {
        commands.send(new RecordDeliveryAttemptCommand(command.emailId(), command.accountId(), command.recipients(),
                command.attempt(), result.outcome(), result.outcome() == DeliveryOutcome.DELIVERED ? null
                : result.reason()));
    }

    void shutdown() {
        workers.shutdown();
    }
}

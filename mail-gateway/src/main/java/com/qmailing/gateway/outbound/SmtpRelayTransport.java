package com.qmailing.gateway.outbound;

import com.qmailing.events.common.EmailAddress;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.List;
import java.util.Properties;

/**
 * {@code QMAILING_OUTBOUND=smtp}: everything goes through one relay (host, port, optional
 * login, STARTTLS), over a few kept connections ({@link RelayConnections}). The stored bytes are
 * sent unchanged: the message is parsed only to be written back as it was, never re-encoded.
 */
final class SmtpRelayTransport implements OutboundTransport, AutoCloseable {

    private final Session session;
    private final RelayConnections connections;

    SmtpRelayTransport(OutboundProperties.Relay relay, int connections) {
        MailStreamProvider.pin();
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", relay.host());
        properties.setProperty("mail.smtp.port", Integer.toString(relay.port()));
        properties.setProperty("mail.smtp.connectiontimeout", "10000");
        properties.setProperty("mail.smtp.timeout", "60000");
        properties.setProperty("mail.smtp.writetimeout", "60000");
        properties.setProperty("mail.smtp.starttls.enable", Boolean.toString(relay.starttls()));
        properties.setProperty("mail.smtp.starttls.required", Boolean.toString(relay.starttls()));
        properties.setProperty("mail.smtp.auth", Boolean.toString(!relay.user().isBlank()));
        this.session = Session.getInstance(properties);
        this.connections = new RelayConnections(session, relay, connections, Clock.systemUTC());
    }

    @Override
    public Result send(String envelopeFrom, List<EmailAddress> recipients, byte[] raw) {
        try {
            SMTPMessage message = new SMTPMessage(session, new ByteArrayInputStream(raw));
            message.setEnvelopeFrom(envelopeFrom);
            InternetAddress[] to = new InternetAddress[recipients.size()];
            for (int i = 0; i < to.length; i++) {
                to[i] = new InternetAddress(recipients.get(i).toString());
            }
            RelayConnections.Connection connection = connections.take();
            try {
                transmit(connection, message, to);
            } catch (MessagingException e) {
                if (!connection.reused() || replyCode(e) > 0) {
                    throw e;
                }
                // No reply at all on a kept connection: the relay most likely closed it while it was
                // idle, before this message began. Once more on a new one; at worst the relay sees
                // the message twice, which delivery allows (at least once).
                transmit(connections.open(), message, to);
            }
            return Result.delivered();
        } catch (MessagingException e) {
            return classify(e);
        }
    }

    private void transmit(RelayConnections.Connection connection, SMTPMessage message, InternetAddress[] to)
            throws MessagingException {
        try {
            connection.transport().sendMessage(message, to);
        } catch (MessagingException | RuntimeException e) {
            connections.discard(connection);
            throw e;
        }
        connections.keep(connection);
    }

    @Override
    public void close() {
        connections.close();
    }

    /** 4xx replies and unreachable relays are worth retrying; 5xx replies are final. */
    static Result classify(MessagingException failure) {
        int code = replyCode(failure);
        String reason = code > 0 ? code + " " + firstLine(failure.getMessage()) : firstLine(failure.toString());
        if (code >= 500) {
            return Result.permanent("relay refused: " + reason);
        }
        return Result.temporary(code >= 400 ? "relay deferred: " + reason : "relay unreachable: " + reason);
    }

    private static int replyCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = t instanceof MessagingException m && m.getNextException() != null
                ? m.getNextException() : t.getCause()) {
            if (t instanceof SMTPAddressFailedException address) {
                return address.getReturnCode();
            }
            if (t instanceof SMTPSendFailedException send) {
                return send.getReturnCode();
            }
        }
        return 0;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).trim();
    }
}

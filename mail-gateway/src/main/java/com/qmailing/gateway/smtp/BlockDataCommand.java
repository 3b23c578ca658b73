package com.qmailing.gateway.smtp;

import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.Session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * {@code DATA} as the SMTP library answers it, reading the message in blocks
 * ({@link DotTerminatedData}) where the library's own command reads it byte by byte. It replaces
 * the library's command in the server's command table. The message handler's answer is sent as
 * before: {@code 250} only once it returned, that is once the message is stored durably.
 */
final class BlockDataCommand extends BaseCommand {

    BlockDataCommand() {
        super("DATA", "Following text is collected as the message.\nEnd data with <CR><LF>.<CR><LF>");
    }

    @Override
    public void execute(String commandString, Session session) throws IOException, DropConnectionException {
        if (!session.isMailTransactionInProgress()) {
            session.sendResponse("503 5.5.1 Error: need MAIL command");
            return;
        }
        if (session.getRecipientCount() == 0) {
            session.sendResponse("503 Error: need RCPT command");
            return;
        }
        session.sendResponse("354 End data with <CR><LF>.<CR><LF>");
        InputStream message = new DotTerminatedData(session.getRawInput());
        String stored;
        try {
            stored = session.getMessageHandler().data(message);
            // Whatever the handler left unread is still the client's message, not its next command.
            message.transferTo(OutputStream.nullOutputStream());
        } catch (DropConnectionException e) {
            throw e;
        } catch (RejectException e) {
            message.transferTo(OutputStream.nullOutputStream());
            session.sendResponse(e.getErrorResponse());
            // The transaction is over (RFC 5321 §4.1.1.4); the library's command kept its sender.
            session.resetMailTransaction();
            return;
        }
        session.sendResponse(stored == null ? "250 Ok" : "250 " + stored);
        session.resetMailTransaction();
    }
}

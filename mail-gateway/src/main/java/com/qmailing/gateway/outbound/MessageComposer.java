package com.qmailing.gateway.outbound;

import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.email.OutgoingAttachment;
import com.qmailing.events.email.SendEmailCommand;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * Builds outgoing MIME with Jakarta Mail: UTF-8 throughout, RFC 2047 headers, RFC 2231
 * attachment names, {@code multipart/alternative} for text with HTML, a Message-ID on the
 * instance's domain. Bcc recipients never appear in the bytes (they are envelope-only).
 */
final class MessageComposer {

    static {
        MailStreamProvider.pin();
    }

    private static final Session SESSION = Session.getInstance(properties());

    private final String domain;

    MessageComposer(String domain) {
        this.domain = domain;
    }

    record Composed(byte[] raw, String messageId, String inReplyTo, List<String> references) {
    }

    Composed compose(SendEmailCommand command, Instant now) {
        String messageId = "<" + UUID.randomUUID() + "@" + domain + ">";
        try {
            MimeMessage message = new FixedIdMessage(SESSION, messageId);
            message.setFrom(new InternetAddress(command.from().toString(), singleLine(command.displayName()), "UTF-8"));
            message.setRecipients(Message.RecipientType.TO, addresses(command.to()));
            if (!command.cc().isEmpty()) {
                message.setRecipients(Message.RecipientType.CC, addresses(command.cc()));
            }
            message.setSubject(command.subject() == null ? "" : command.subject(), "UTF-8");
            message.setSentDate(Date.from(now));
            String inReplyTo = null;
            List<String> references = List.of();
            if (command.replyTo() != null && command.replyTo().messageId() != null) {
                inReplyTo = command.replyTo().messageId();
                List<String> chain = new ArrayList<>(command.replyTo().references());
                chain.add(inReplyTo);
                references = List.copyOf(chain);
                message.setHeader("In-Reply-To", inReplyTo);
                message.setHeader("References", String.join(" ", references));
            }
            message.setContent(body(command));
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return new Composed(out.toByteArray(), messageId, inReplyTo, references);
        } catch (MessagingException | IOException e) {
            throw new IllegalArgumentException("the message could not be built: " + e.getMessage(), e);
        }
    }

    private static MimeMultipart body(SendEmailCommand command) throws MessagingException {
        MimeMultipart alternative = new MimeMultipart("alternative");
        if (command.bodyText() != null || command.bodyHtml() == null) {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(command.bodyText() == null ? "" : command.bodyText(), "UTF-8", "plain");
            alternative.addBodyPart(text);
        }
        if (command.bodyHtml() != null) {
            MimeBodyPart html = new MimeBodyPart();
            html.setText(command.bodyHtml(), "UTF-8", "html");
            alternative.addBodyPart(html);
        }
        if (command.attachments().isEmpty()) {
            return alternative;
        }
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart bodies = new MimeBodyPart();
        bodies.setContent(alternative);
        mixed.addBodyPart(bodies);
        for (OutgoingAttachment attachment : command.attachments()) {
            MimeBodyPart part = new MimeBodyPart();
            String type = attachment.contentType() == null ? "application/octet-stream" : attachment.contentType();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), type)));
            part.setFileName(singleLine(attachment.filename()));
            part.setDisposition(MimeBodyPart.ATTACHMENT);
            mixed.addBodyPart(part);
        }
        return mixed;
    }

    private static InternetAddress[] addresses(List<EmailAddress> list) throws MessagingException {
        InternetAddress[] out = new InternetAddress[list.size()];
        for (int i = 0; i < list.size(); i++) {
            out[i] = new InternetAddress(list.get(i).toString(), true);
        }
        return out;
    }

    /** Header values are single lines: a CR or LF in a name must never start a header of its own. */
    static String singleLine(String text) {
        return text == null ? null : text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ").trim();
    }

    private static Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("mail.mime.charset", "UTF-8");
        properties.setProperty("mail.mime.encodeparameters", "true");
        properties.setProperty("mail.mime.encodefilename", "false");
        return properties;
    }

    /** Jakarta Mail would make its own Message-ID on {@code saveChanges}; ours is on the instance's domain. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}

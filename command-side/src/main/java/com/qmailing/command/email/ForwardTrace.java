package com.qmailing.command.email;

import com.qmailing.command.crypto.MasterKey;
import com.qmailing.events.common.MailboxId;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The trace a forward carries: one {@value #HEADER} line per mailbox it passed, prepended as MTAs
 * prepend {@code Received}. Each mark is an HMAC, under a key only this instance holds, of the
 * mailbox's id and the message's body, so it says nothing about the mailbox to anyone else, and a
 * sender cannot forge a mark that stops a mailbox from forwarding a message it never forwarded: a
 * copied mark only matches the very body it was made for. Prepending keeps the original bytes (and
 * their DKIM signature) intact. See docs/adr/0007-forwarding.md.
 */
@Component
class ForwardTrace {

    static final String HEADER = "X-QMailing-Forwarded";
    private static final int DIGEST_BUFFER = 8 * 1024;
    /**
     * A backstop for loops the marks cannot see (a remote hop that rewrote the body): past this many
     * trace lines, of any origin, a message is kept rather than forwarded again.
     */
    static final int MAX_HOPS = 25;
    private static final String VERSION = "v1.";

    private final SecretKeySpec key;

    ForwardTrace(MasterKey masterKey) {
        this.key = new SecretKeySpec(masterKey.derive("qmailing forward trace v1"), "HmacSHA256");
    }

    /**
     * This mailbox's trace line, to put on top of the message's unchanged bytes as it leaves the
     * mailbox. The caller joins the two as it writes them, so the message is not copied.
     */
    byte[] line(MailboxId mailbox, byte[] raw) {
        return (HEADER + ": " + mark(mailbox, raw) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether the message must not be forwarded by this mailbox: it passed it already, or too many hops. */
    boolean isLoop(MailboxId mailbox, byte[] raw) {
        List<String> marks = marks(raw);
        return marks.size() >= MAX_HOPS || marks.contains(mark(mailbox, raw));
    }

    private String mark(MailboxId mailbox, byte[] raw) {
        try {
            byte[] body = normalizedBodyDigest(raw);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(ByteBuffer.allocate(16).putLong(mailbox.value().getMostSignificantBits())
                    .putLong(mailbox.value().getLeastSignificantBits()).array());
            byte[] tag = Arrays.copyOf(mac.doFinal(body), 16);
            return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 or SHA-256 is not available", e);
        }
    }

    /** The values of the trace lines in the header section, unfolded and trimmed. */
    private static List<String> marks(byte[] raw) {
        List<String> marks = new ArrayList<>();
        String name = HEADER.toLowerCase(Locale.ROOT) + ":";
        StringBuilder field = null;
        for (String line : headerLines(raw)) {
            boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            if (continuation && field != null) {
                field.append(line);
                continue;
            }
            if (field != null) {
                marks.add(field.toString().trim());
                field = null;
            }
            if (line.toLowerCase(Locale.ROOT).startsWith(name)) {
                field = new StringBuilder(line.substring(name.length()));
            }
        }
        if (field != null) {
            marks.add(field.toString().trim());
        }
        return marks;
    }

    private static List<String> headerLines(byte[] raw) {
        int end = bodyStart(raw);
        String header = new String(raw, 0, end < 0 ? raw.length : end, StandardCharsets.ISO_8859_1);
        return Arrays.asList(header.replace("\r", "").split("\n"));
    }

    /**
     * The SHA-256 of the body with line ends as bare LF and no trailing blank lines: relays may
     * change CRLF and add or drop a final newline without changing the message. Digested in
     * place, a buffer at a time, rather than from a normalised copy of the message.
     */
    private static byte[] normalizedBodyDigest(byte[] raw) throws GeneralSecurityException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        int start = bodyStart(raw);
        if (start < 0) {
            return digest.digest();
        }
        // Trailing CRs and LFs all go: without the CRs they are the trailing blank lines.
        int end = raw.length;
        while (end > start && (raw[end - 1] == '\n' || raw[end - 1] == '\r')) {
            end--;
        }
        byte[] buffer = new byte[DIGEST_BUFFER];
        int filled = 0;
        for (int i = start; i < end; i++) {
            if (raw[i] != '\r') {
                buffer[filled++] = raw[i];
                if (filled == buffer.length) {
                    digest.update(buffer, 0, filled);
                    filled = 0;
                }
            }
        }
        digest.update(buffer, 0, filled);
        return digest.digest();
    }

    /** Where the body begins: after the first empty line; -1 when there is none. */
    private static int bodyStart(byte[] raw) {
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != '\n') {
                continue;
            }
            if (i + 1 < raw.length && raw[i + 1] == '\n') {
                return i + 2;
            }
            if (i + 2 < raw.length && raw[i + 1] == '\r' && raw[i + 2] == '\n') {
                return i + 3;
            }
        }
        return -1;
    }
}

package com.qmailing.gateway.mime;

import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.stream.ParserCursor;
import org.apache.james.mime4j.util.ByteArrayBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Address lists (From, To, Cc, Reply-To) with mime4j's lenient parser, groups flattened.
 * Parsing happens on the raw text and decoding after, so an encoded word cannot smuggle a comma
 * or an angle bracket into the structure. The old {@code address (Full Name)} form gets its
 * comment as the name.
 */
final class Addresses {

    private Addresses() {
    }

    static List<MessageAddress> parse(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        // Bytes and cursor built here: mime4j's String overload sizes the cursor in chars, not bytes.
        byte[] utf8 = header.getBytes(StandardCharsets.UTF_8);
        List<Mailbox> mailboxes = LenientAddressParser.DEFAULT
                .parseAddressList(new ByteArrayBuffer(utf8, true), new ParserCursor(0, utf8.length))
                .flatten();
        List<MessageAddress> addresses = new ArrayList<>(mailboxes.size());
        for (Mailbox mailbox : mailboxes) {
            String address = TextNeutraliser.singleLine(mailbox.getAddress());
            if (address != null && address.codePoints().anyMatch(Character::isLetterOrDigit)) {
                addresses.add(new MessageAddress(address, displayName(mailbox.getName())));
            }
        }
        if (addresses.size() == 1 && addresses.get(0).name() == null) {
            String comment = trailingComment(header);
            if (comment != null) {
                return List.of(new MessageAddress(addresses.get(0).address(), comment));
            }
        }
        return addresses;
    }

    private static String displayName(String raw) {
        if (raw == null) {
            return null;
        }
        String name = TextNeutraliser.singleLine(EncodedWords.decode(raw));
        return name.isEmpty() ? null : name;
    }

    private static String trailingComment(String header) {
        String text = header.trim();
        int open = text.lastIndexOf('(');
        if (!text.endsWith(")") || open < 0) {
            return null;
        }
        return displayName(text.substring(open + 1, text.length() - 1));
    }
}

package com.qmailing.gateway.mime;

import com.qmailing.gateway.mime.BodySelection.Role;
import com.qmailing.gateway.mime.MimeWalker.Leaf;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Gathers a {@link ParsedMessage} while the walker goes through the message. Bodies are kept as
 * bytes during the walk and turned into text afterwards, so that a failure in decoding or
 * sanitising cannot cost the rest of the message.
 */
final class ParsedMessageCollector implements MimeWalker.PartVisitor {

    /**
     * Bytes of a text body decoded for its preview at first; a body whose first few hundred
     * characters are mostly white space or invisible takes more rounds, four times as many bytes each.
     */
    private static final int PREVIEW_PREFIX_BYTES = 2048;
    /** Characters at the end of a decoded prefix that may read differently in the whole text. */
    private static final int UNSURE_TAIL = 8;

    private final int bodyLimit;
    private final boolean keepBodies;
    private final BodySelection selection = new BodySelection();
    private final List<AttachmentInfo> attachments = new ArrayList<>();
    private HeaderFields fields = new HeaderFields();
    private Body text;
    private Body html;
    private byte[] partlessContent;

    private record Body(byte[] bytes, String charset) {
        /** An empty part is no body: null, like an absent one. */
        String decoded() {
            return bytes.length == 0 ? null : TextNeutraliser.multiLine(TextDecoding.decode(bytes, charset));
        }

        /**
         * {@code PreviewText.of(decoded())}, decoding only as much of the body as the preview
         * needs: the charset is still chosen from all the bytes, as {@link #decoded} does.
         */
        String preview() {
            if (bytes.length == 0) {
                return null;
            }
            Charset chosen = TextDecoding.charsetOf(bytes, charset);
            for (int prefix = PREVIEW_PREFIX_BYTES; prefix < bytes.length; prefix *= 4) {
                Optional<String> decided = PreviewText.ofPrefix(
                        TextNeutraliser.multiLine(new String(bytes, 0, prefix, chosen)), UNSURE_TAIL);
                if (decided.isPresent()) {
                    return decided.get();
                }
            }
            return PreviewText.of(TextNeutraliser.multiLine(new String(bytes, chosen)));
        }
    }

    /**
     * @param bodyLimit  how many bytes of each body, and of the fall-backs, to keep
     * @param keepBodies false for a summary: the preview is made from as little of the text as it
     *                   needs, the HTML is sanitised only when the preview has to come from it, and
     *                   no body is returned
     */
    ParsedMessageCollector(int bodyLimit, boolean keepBodies) {
        this.bodyLimit = bodyLimit;
        this.keepBodies = keepBodies;
    }

    @Override
    public void messageHeaders(HeaderFields messageFields) {
        fields = messageFields;
    }

    @Override
    public boolean leaf(Leaf leaf) throws IOException {
        Role role = selection.roleOf(leaf);
        switch (role) {
            case TEXT_BODY -> text = new Body(leaf.body().readNBytes(bodyLimit), leaf.headers().charset());
            case HTML_BODY -> html = new Body(leaf.body().readNBytes(bodyLimit), leaf.headers().charset());
            case ATTACHMENT -> attachments.add(AttachmentReader.measure(attachments.size(), leaf));
        }
        return true;
    }

    @Override
    public boolean wantsPartlessMultiparts() {
        return true;
    }

    @Override
    public int preambleLimit() {
        return bodyLimit;
    }

    @Override
    public void partlessMultipart(byte[] content) {
        if (partlessContent == null) {
            partlessContent = content;
        }
    }

    /**
     * @param raw      the whole message, for the fall-backs
     * @param complete whether the walk reached the end without an error
     */
    ParsedMessage result(byte[] raw, boolean complete) {
        MessageHeaders headers = quietly(() -> MessageHeaders.of(fields), MessageHeaders.NONE);
        Body textSource = text == null || text.bytes().length == 0 ? null : text;
        boolean htmlNeeded = keepBodies || textSource == null;
        String htmlBody = htmlNeeded ? sanitisedHtml() : null;
        if (textSource == null && htmlBody == null && partlessContent != null) {
            // The boundary never matched: the sender's text is in there, with the raw parts.
            textSource = new Body(partlessContent, null);
        }
        String textBody = keepBodies && textSource != null ? quietly(textSource::decoded, null) : null;
        String preview = textSource == null ? null
                : keepBodies ? PreviewText.of(textBody) : quietly(textSource::preview, null);
        if (preview == null) {
            if (!htmlNeeded) {
                htmlBody = sanitisedHtml();
            }
            preview = PreviewText.of(HtmlSanitiser.visibleText(htmlBody));
        }
        if (preview == null && !complete && attachments.isEmpty() && RawText.looksLikeText(raw)) {
            byte[] head = raw.length <= bodyLimit ? raw : Arrays.copyOf(raw, bodyLimit);
            preview = PreviewText.of(new Body(head, null).decoded());
        }
        return new ParsedMessage(headers.subject(), headers.from(), headers.to(), headers.cc(), headers.replyTo(),
                headers.messageId(), headers.inReplyTo(), headers.references(), headers.date(),
                keepBodies ? textBody : null, keepBodies ? htmlBody : null, preview, attachments);
    }

    private String sanitisedHtml() {
        return html == null ? null : quietly(() -> HtmlSanitiser.sanitise(html.decoded()), null);
    }

    /** One unreadable piece must not cost the others. */
    private static <T> T quietly(Supplier<T> piece, T fallback) {
        try {
            return piece.get();
        } catch (RuntimeException | StackOverflowError unreadable) {
            return fallback;
        }
    }
}

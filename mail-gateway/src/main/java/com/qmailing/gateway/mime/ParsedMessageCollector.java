package com.qmailing.gateway.mime;

import com.qmailing.gateway.mime.BodySelection.Role;
import com.qmailing.gateway.mime.MimeWalker.Leaf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Gathers a {@link ParsedMessage} while the walker goes through the message. Bodies are kept as
 * bytes during the walk and turned into text afterwards, so that a failure in decoding or
 * sanitising cannot cost the rest of the message.
 */
final class ParsedMessageCollector implements MimeWalker.PartVisitor {

    private final int bodyLimit;
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
    }

    /** @param bodyLimit how many bytes of each body, and of the fall-backs, to keep */
    ParsedMessageCollector(int bodyLimit) {
        this.bodyLimit = bodyLimit;
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
        String textBody = text == null ? null : quietly(text::decoded, null);
        String htmlBody = html == null ? null : quietly(() -> HtmlSanitiser.sanitise(html.decoded()), null);
        if (textBody == null && htmlBody == null && partlessContent != null) {
            // The boundary never matched: the sender's text is in there, with the raw parts.
            textBody = new Body(partlessContent, null).decoded();
        }
        String preview = PreviewText.of(textBody);
        if (preview == null) {
            preview = PreviewText.of(HtmlSanitiser.visibleText(htmlBody));
        }
        if (preview == null && !complete && attachments.isEmpty() && RawText.looksLikeText(raw)) {
            byte[] head = raw.length <= bodyLimit ? raw : Arrays.copyOf(raw, bodyLimit);
            preview = PreviewText.of(new Body(head, null).decoded());
        }
        return new ParsedMessage(headers.subject(), headers.from(), headers.to(), headers.cc(), headers.replyTo(),
                headers.messageId(), headers.inReplyTo(), headers.references(), headers.date(),
                textBody, htmlBody, preview, attachments);
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

package com.qmailing.gateway.mime;

import com.qmailing.gateway.mime.MimeWalker.Leaf;

/**
 * Decides, leaf by leaf in document order, what each part is to the reader: the first text/plain
 * and the first text/html part that do not look attached are the bodies, every other leaf is an
 * attachment — also a second inline text part, so that nothing the sender wrote goes missing.
 * It looks at headers only, so listing and downloading number the attachments alike.
 */
final class BodySelection {

    enum Role { TEXT_BODY, HTML_BODY, ATTACHMENT }

    private boolean textChosen;
    private boolean htmlChosen;

    Role roleOf(Leaf leaf) {
        PartHeaders part = leaf.headers();
        if (!leaf.opaque() && !looksAttached(leaf)) {
            if (!textChosen && part.is("text/plain")) {
                textChosen = true;
                return Role.TEXT_BODY;
            }
            if (!htmlChosen && part.is("text/html")) {
                htmlChosen = true;
                return Role.HTML_BODY;
            }
        }
        return Role.ATTACHMENT;
    }

    /**
     * Disposition {@code attachment}, or a file name on a part inside a multipart. A single-part
     * message with a name but no disposition is still read as the body: old clients name their
     * only part.
     */
    private static boolean looksAttached(Leaf leaf) {
        return leaf.headers().attachmentDisposition() || (leaf.headers().filename() != null && !leaf.root());
    }
}

package com.qmailing.gateway.mime;

import com.qmailing.gateway.mime.MimeWalker.Leaf;

import java.io.IOException;
import java.util.Optional;

/**
 * Walks to one attachment by index, leaving every other body undecoded: a first walk measures it,
 * a second one decodes it into an array of exactly that size. Decoding twice costs less than the
 * copies a growing buffer makes of a large attachment, and the download holds it only once.
 */
final class AttachmentFinder implements MimeWalker.PartVisitor {

    private final BodySelection selection = new BodySelection();
    private final int wanted;
    private final AttachmentInfo measured;
    private int seen;
    private AttachmentInfo info;
    private AttachmentContent found;

    private AttachmentFinder(int wanted, AttachmentInfo measured) {
        this.wanted = wanted;
        this.measured = measured;
    }

    /** The first walk: name, type and decoded size of the attachment. */
    static AttachmentFinder measuring(int wanted) {
        return new AttachmentFinder(wanted, null);
    }

    /** The second walk, over the same bytes: the attachment's content, of the size measured. */
    static AttachmentFinder loading(AttachmentInfo measured) {
        return new AttachmentFinder(measured.index(), measured);
    }

    @Override
    public void messageHeaders(HeaderFields fields) {
        // An attachment's bytes do not depend on the message headers.
    }

    @Override
    public boolean leaf(Leaf leaf) throws IOException {
        if (selection.roleOf(leaf) != BodySelection.Role.ATTACHMENT) {
            return true;
        }
        if (seen++ < wanted) {
            return true;
        }
        if (measured == null) {
            info = AttachmentReader.measure(wanted, leaf);
        } else {
            found = AttachmentReader.load(measured, leaf);
        }
        return false;
    }

    Optional<AttachmentInfo> measured() {
        return Optional.ofNullable(info);
    }

    Optional<AttachmentContent> found() {
        return Optional.ofNullable(found);
    }
}

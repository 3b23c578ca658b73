package com.qmailing.gateway.mime;

import com.qmailing.gateway.mime.MimeWalker.Leaf;

import java.io.IOException;
import java.util.Optional;

/** Walks to one attachment by index, leaving every other body undecoded. */
final class AttachmentFinder implements MimeWalker.PartVisitor {

    private final BodySelection selection = new BodySelection();
    private final int wanted;
    private int seen;
    private AttachmentContent found;

    AttachmentFinder(int wanted) {
        this.wanted = wanted;
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
        found = AttachmentReader.load(wanted, leaf);
        return false;
    }

    Optional<AttachmentContent> found() {
        return Optional.ofNullable(found);
    }
}

package com.qmailing.events.email;

/**
 * Where an email sits. {@link #STARRED} and {@link #MUTED} are views over the stored folders,
 * never the folder an email is stored in.
 */
public enum Folder {
    INBOX, SENT, DRAFTS, TRASH, SPAM, STARRED, MUTED;

    public boolean isView() {
        return this == STARRED || this == MUTED;
    }
}

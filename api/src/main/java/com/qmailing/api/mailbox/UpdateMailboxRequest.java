package com.qmailing.api.mailbox;

import java.util.Optional;

/**
 * Body of {@code PATCH /mailboxes/{id}}. A field left out stays as it is; a field sent as
 * {@code null} is cleared. Setters, not a record: Jackson calls a setter only for a key that is
 * present, which is exactly the difference between "absent" and "null".
 */
public final class UpdateMailboxRequest {

    private Optional<String> displayName;
    private Optional<String> forwardTo;
    private Boolean forwardOnly;

    public void setDisplayName(String displayName) {
        this.displayName = Optional.ofNullable(displayName);
    }

    public void setForwardTo(String forwardTo) {
        this.forwardTo = Optional.ofNullable(forwardTo);
    }

    public void setForwardOnly(Boolean forwardOnly) {
        this.forwardOnly = forwardOnly;
    }

    /** @return {@code null} when absent, empty when sent as null */
    Optional<String> displayName() {
        return displayName;
    }

    /** @return {@code null} when absent, empty when sent as null */
    Optional<String> forwardTo() {
        return forwardTo;
    }

    Boolean forwardOnly() {
        return forwardOnly;
    }
}

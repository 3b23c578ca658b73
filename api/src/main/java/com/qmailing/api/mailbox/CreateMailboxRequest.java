package com.qmailing.api.mailbox;

/** Body of {@code POST /mailboxes}; snake_case keys are accepted as well. */
public record CreateMailboxRequest(String localPart, String domain, String displayName, String forwardTo,
                                   Boolean forwardOnly) {
}

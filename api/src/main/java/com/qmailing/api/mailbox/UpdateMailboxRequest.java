package com.qmailing.api.mailbox;

import java.util.Optional;

/**
 * Body of {@code PATCH /mailboxes/{id}}. A field left out stays as it is; a field sent as
 * {@code null} is cleared — hence {@link Optional}: absent is {@code null}, JSON null is empty.
 */
public record UpdateMailboxRequest(Optional<String> displayName, Optional<String> forwardTo, Boolean forwardOnly) {
}

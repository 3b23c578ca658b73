package com.qmailing.api.email;

/** The answer to {@code DELETE /email/{id}?permanent=true}: the email, its raw message and its key are gone. */
public record PurgedEmailResponse(String id, boolean purged) {
}

package com.qmailing.api.email;

import com.qmailing.events.email.Folder;

import java.time.Instant;

/** The answer to a DELETE: where the email is now and when it will be gone for good. */
public record TrashedEmailResponse(String id, Folder folder, Instant purgeAt) {
}

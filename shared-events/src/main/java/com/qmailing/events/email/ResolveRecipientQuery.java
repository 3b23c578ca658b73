package com.qmailing.events.email;

import com.qmailing.events.common.EmailAddress;

/**
 * Answers the {@link RecipientRoute} of an SMTP recipient, from the consistent address table
 * (so a mailbox created a moment ago already receives mail).
 */
public record ResolveRecipientQuery(EmailAddress address) {
}

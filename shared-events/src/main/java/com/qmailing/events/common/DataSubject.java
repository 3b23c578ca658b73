package com.qmailing.events.common;

import java.util.Objects;
import java.util.UUID;

/**
 * The scope whose key encrypts an event's {@link PersonalData}: an account, a mailbox or an
 * email. {@code owner} is the account the scope belongs to, so purging an account can find
 * every key it owns.
 */
public record DataSubject(UUID scope, AccountId owner) {

    public DataSubject {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(owner, "owner");
    }

    public static DataSubject account(AccountId account) {
        return new DataSubject(account.value(), account);
    }

    public static DataSubject mailbox(MailboxId mailbox, AccountId owner) {
        return new DataSubject(mailbox.value(), owner);
    }

    /** Each email has its own key, so purging one email makes its history unreadable on its own. */
    public static DataSubject email(EmailId email, AccountId owner) {
        return new DataSubject(email.value(), owner);
    }
}

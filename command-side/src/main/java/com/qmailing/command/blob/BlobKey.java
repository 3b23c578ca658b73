package com.qmailing.command.blob;

import com.qmailing.events.common.AccountId;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where a blob lives: lowercase {@code [a-z0-9-]} segments joined by {@code /}, such as
 * {@code <accountUuid>/<emailUuid>}. Nothing else is accepted, so a key can never name a path
 * outside the store ({@code ..}, absolute paths, empty segments) and maps to the same object on
 * every implementation. Keys hold only ids, never personal data: they are stored in clear.
 */
public record BlobKey(String value) {

    /** S3's limit on key length; the local folder stays well inside file-name limits with it. */
    private static final int MAX_LENGTH = 1024;
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9-]+(/[a-z0-9-]+)*");

    public BlobKey {
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "a blob key is lowercase [a-z0-9-] segments separated by '/', at most " + MAX_LENGTH + " characters");
        }
    }

    /** @throws IllegalArgumentException when the text is not a valid key */
    public static BlobKey of(String value) {
        return new BlobKey(value);
    }

    /** The raw message of one email: {@code <account>/<email>}. */
    public static BlobKey email(AccountId account, UUID emailId) {
        Objects.requireNonNull(emailId, "emailId");
        return new BlobKey(account + "/" + emailId);
    }

    /** The prefix every blob of the account lives under, for {@link BlobStore#deleteAll}. */
    public static BlobKey accountPrefix(AccountId account) {
        return new BlobKey(account.toString());
    }

    /** The key's segments, outermost first. */
    String[] segments() {
        return value.split("/");
    }

    @Override
    public String toString() {
        return value;
    }
}

package com.qmailing.api.auth;

import com.qmailing.events.token.TokenVerifier;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The token format of the hosted API: {@code qm_live_} and 32 characters of {@code [A-Za-z0-9]}
 * (about 190 bits). The server keeps a bcrypt hash, a display prefix and a lookup key: eight of
 * the random characters, which find the row without revealing enough to matter.
 */
public final class ApiTokens {

    public static final String PREFIX = "qm_live_";
    private static final int RANDOM_LENGTH = 32;
    private static final int DISPLAY_LENGTH = 12;
    private static final int LOOKUP_KEY_LENGTH = 8;
    private static final Pattern FORMAT = Pattern.compile("qm_live_[A-Za-z0-9]{32}");
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(10);

    private ApiTokens() {
    }

    public static String generate() {
        StringBuilder token = new StringBuilder(PREFIX);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            token.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return token.toString();
    }

    public static boolean isWellFormed(String token) {
        return token != null && FORMAT.matcher(token).matches();
    }

    public static TokenVerifier verifierOf(String token) {
        if (!isWellFormed(token)) {
            throw new IllegalArgumentException("not a qm_live_ token");
        }
        return new TokenVerifier(lookupKey(token), token.substring(0, DISPLAY_LENGTH), BCRYPT.encode(token));
    }

    static String lookupKey(String token) {
        return token.substring(PREFIX.length(), PREFIX.length() + LOOKUP_KEY_LENGTH);
    }

    static boolean matches(String token, String bcryptHash) {
        return BCRYPT.matches(token, bcryptHash);
    }
}

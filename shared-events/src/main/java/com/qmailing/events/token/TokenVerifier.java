package com.qmailing.events.token;

/**
 * What the server keeps of a token's secret: never the plaintext.
 *
 * @param lookupKey     a non-secret slice of the token that finds its row without scanning hashes
 * @param displayPrefix the first 12 characters ({@code qm_live_} and four more), shown in lists
 * @param bcryptHash    the bcrypt hash of the whole token
 */
public record TokenVerifier(String lookupKey, String displayPrefix, String bcryptHash) {

    @Override
    public String toString() {
        return "TokenVerifier[" + displayPrefix + "…]";
    }
}

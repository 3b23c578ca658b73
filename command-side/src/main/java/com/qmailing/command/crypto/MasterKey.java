package com.qmailing.command.crypto;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/** The key that wraps every data key. It never leaves memory and never enters the database. */
public final class MasterKey {

    private final SecretKey key;

    private MasterKey(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("the master key must be 256 bits (32 bytes, base64-encoded)");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    /** @throws IllegalArgumentException when the text is not base64 of exactly 32 bytes */
    public static MasterKey fromBase64(String text) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the master key is not valid base64");
        }
        return new MasterKey(raw);
    }

    public static String generateBase64() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    SecretKey secretKey() {
        return key;
    }

    /**
     * A 256-bit key for one purpose, derived (HMAC-SHA256 of the purpose under this key) rather than
     * stored: it needs no row, no backup and no rotation of its own, and the master key never leaves here.
     */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[redacted]";
    }
}

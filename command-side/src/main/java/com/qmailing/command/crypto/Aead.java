package com.qmailing.command.crypto;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.UUID;

/** AES-256-GCM with a random 96-bit nonce stored in front of the ciphertext. */
public final class Aead {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * One cipher per thread, initialised afresh (key, nonce) for every message: looking the
     * provider up for each field cost about 3 % of the CPU of a received email.
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(Aead::newCipher);

    private Aead() {
    }

    /** @param associatedData bound to the ciphertext: decrypting with other associated data fails */
    public static byte[] encrypt(SecretKey key, byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The associated data that binds a ciphertext (or a wrapped key) to its scope. */
    public static byte[] scopeBinding(UUID scope) {
        return ByteBuffer.allocate(16).putLong(scope.getMostSignificantBits())
                .putLong(scope.getLeastSignificantBits()).array();
    }

    /** @throws CryptoException when the ciphertext was altered or the key or associated data differ */
    public static byte[] decrypt(SecretKey key, byte[] ciphertext, byte[] associatedData) {
        if (ciphertext.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new CryptoException("ciphertext too short");
        }
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ciphertext, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(ciphertext, NONCE_BYTES, ciphertext.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("ciphertext does not authenticate");
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}

package com.qmailing.command.crypto;

/** Ciphertext that does not decrypt: tampering, a wrong key, or a wrong scope. */
public class CryptoException extends RuntimeException {

    public CryptoException(String message) {
        super(message);
    }
}

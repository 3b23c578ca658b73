package com.qmailing.command.crypto;

import com.qmailing.events.common.DataSubject;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Seals personal fields as text: {@code qmenc:1:<base64(scope uuid | nonce | ciphertext+tag)>}.
 * The scope travels with the ciphertext, so any reader (a projection, an export, an auditor's
 * replay) can find the key without knowing the event's type.
 */
public class FieldCipher {

    public static final String PREFIX = "qmenc:1:";

    private final KeyVault vault;

    public FieldCipher(KeyVault vault) {
        this.vault = vault;
    }

    public static boolean isSealed(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    public String seal(DataSubject subject, byte[] plaintext) {
        UUID scope = subject.scope();
        byte[] ciphertext = Aead.encrypt(vault.keyFor(subject), plaintext, Aead.scopeBinding(scope));
        ByteBuffer out = ByteBuffer.allocate(16 + ciphertext.length)
                .putLong(scope.getMostSignificantBits()).putLong(scope.getLeastSignificantBits()).put(ciphertext);
        return PREFIX + Base64.getEncoder().encodeToString(out.array());
    }

    /** @return the plaintext, or empty when the scope's key was shredded */
    public Optional<byte[]> open(String sealed) {
        byte[] raw = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        ByteBuffer in = ByteBuffer.wrap(raw);
        UUID scope = new UUID(in.getLong(), in.getLong());
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        return vault.find(scope).map(key -> Aead.decrypt(key, ciphertext, Aead.scopeBinding(scope)));
    }

}

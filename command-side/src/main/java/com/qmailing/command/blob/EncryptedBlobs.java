package com.qmailing.command.blob;

import com.qmailing.command.crypto.Aead;
import com.qmailing.command.crypto.CryptoException;
import com.qmailing.command.crypto.KeyVault;
import com.qmailing.events.common.DataSubject;

import javax.crypto.SecretKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * Blobs sealed with AES-256-GCM under their scope's key from the {@link KeyVault}, so shredding
 * the scope's key makes every copy of the blob unreadable, wherever a backup took it.
 * <p>
 * Stored form: one format byte, then the nonce, ciphertext and tag. The associated data binds
 * the format, the scope and the key, so a blob copied under another key or scope, or swapped
 * with another, does not decrypt.
 */
public class EncryptedBlobs {

    private static final byte FORMAT_V1 = 1;

    private final BlobStore store;
    private final KeyVault vault;

    public EncryptedBlobs(BlobStore store, KeyVault vault) {
        this.store = store;
        this.vault = vault;
    }

    /**
     * Encrypts and stores; durable when it returns, like {@link BlobStore#put}.
     *
     * @throws BlobStoreUnavailableException when the store fails
     */
    public void store(DataSubject scope, BlobKey key, byte[] plaintext) {
        SecretKey dataKey = vault.keyFor(scope);
        byte[] sealed = Aead.encrypt(dataKey, plaintext, associatedData(FORMAT_V1, scope.scope(), key));
        store.put(key, ByteBuffer.allocate(1 + sealed.length).put(FORMAT_V1).put(sealed).array());
    }

    /**
     * @return the plaintext; empty when there is no blob or the scope's key was shredded (data
     *         that was crypto-shredded is gone, not broken)
     * @throws CryptoException when a blob is there and its key too, but it does not decrypt:
     *         it was altered, or copied from another key or scope. That is corruption or
     *         tampering, which must not pass for a deletion.
     * @throws BlobStoreUnavailableException when the store fails
     */
    public Optional<byte[]> read(DataSubject scope, BlobKey key) {
        return read(scope.scope(), key);
    }

    /** As {@link #read(DataSubject, BlobKey)}, for a reader that knows only the scope's id. */
    public Optional<byte[]> read(UUID scope, BlobKey key) {
        // The blob first: asking the vault about a scope that never stored anything is wasted work.
        return store.get(key).flatMap(stored -> vault.find(scope).map(dataKey -> open(dataKey, scope, key, stored)));
    }

    private static byte[] open(SecretKey dataKey, UUID scope, BlobKey key, byte[] stored) {
        if (stored.length == 0 || stored[0] != FORMAT_V1) {
            throw new CryptoException("blob " + key + " is not in a known encrypted format");
        }
        byte[] sealed = new byte[stored.length - 1];
        System.arraycopy(stored, 1, sealed, 0, sealed.length);
        try {
            return Aead.decrypt(dataKey, sealed, associatedData(FORMAT_V1, scope, key));
        } catch (CryptoException e) {
            throw new CryptoException("blob " + key + " does not decrypt under scope " + scope
                    + ": altered, or copied from another key or scope");
        }
    }

    private static byte[] associatedData(byte format, UUID scope, BlobKey key) {
        byte[] keyBytes = key.value().getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(1 + 16 + keyBytes.length)
                .put(format)
                .put(Aead.scopeBinding(scope))
                .put(keyBytes)
                .array();
    }
}

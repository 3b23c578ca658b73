package com.qmailing.command.blob;

import com.qmailing.command.crypto.Aead;
import com.qmailing.command.crypto.CryptoException;
import com.qmailing.command.crypto.KeyVault;
import com.qmailing.events.common.DataSubject;

import javax.crypto.SecretKey;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * Blobs sealed with AES-256-GCM under their scope's key from the {@link KeyVault}, so shredding
 * the scope's key makes every copy of the blob unreadable, wherever a backup took it.
 * <p>
 * Stored form: one format byte, then the sealed content. Format 2, written since streaming came
 * in, is {@link SegmentedGcm}: 64 KiB segments each with its own tag, written and read as streams
 * (docs/adr/0009-streamed-message-content.md). Format 1 blobs, written before, are one GCM
 * message (nonce, ciphertext, tag) and are still read, whole. In both the associated data binds
 * the format, the scope and the key, so a blob copied under another key or scope, or swapped with
 * another, does not decrypt.
 */
public class EncryptedBlobs {

    private static final byte FORMAT_V1 = 1;
    private static final byte FORMAT_SEGMENTED = 2;

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
        store(scope, key, BlobSource.of(plaintext));
    }

    /**
     * Encrypts while the store writes: neither the plaintext nor the ciphertext is ever held
     * whole, only one segment of each.
     *
     * @throws BlobStoreUnavailableException when the store fails or the source does
     */
    public void store(DataSubject scope, BlobKey key, BlobSource plaintext) {
        SecretKey dataKey = vault.keyFor(scope);
        byte[] associatedData = associatedData(FORMAT_SEGMENTED, scope.scope(), key);
        store.put(key, new BlobSource() {
            @Override
            public long length() {
                return 1 + SegmentedGcm.sealedLength(plaintext.length());
            }

            @Override
            public InputStream open() throws IOException {
                return new SequenceInputStream(new ByteArrayInputStream(new byte[] {FORMAT_SEGMENTED}),
                        SegmentedGcm.sealing(dataKey, associatedData, plaintext.open(), plaintext.length()));
            }
        });
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
        return open(scope, key).map(plaintext -> {
            try (plaintext) {
                return readAll(plaintext, key);
            } catch (IOException e) {
                throw new BlobStoreUnavailableException("cannot read blob " + key, e);
            }
        });
    }

    /**
     * Takes back a blob that nothing will refer to (its command was rolled back): the blob goes,
     * and its scope's key is shredded, so not even a copy made meanwhile could be read.
     */
    public void discard(DataSubject scope, BlobKey key) {
        store.delete(key);
        vault.shred(scope.scope());
    }

    /**
     * The plaintext as a stream, for readers that pass it on rather than keep it. Each segment is
     * verified before its bytes are returned; the stream's {@code read} throws
     * {@link CryptoException} at the first one that does not, or when the blob was cut short.
     *
     * @return empty as for {@link #read(UUID, BlobKey)}
     */
    public Optional<Plaintext> open(UUID scope, BlobKey key) {
        // The blob first: asking the vault about a scope that never stored anything is wasted work.
        Optional<StoredBlob> found = store.open(key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredBlob stored = found.get();
        try {
            Optional<SecretKey> dataKey = vault.find(scope);
            if (dataKey.isEmpty()) {
                stored.close();
                return Optional.empty();
            }
            return Optional.of(plaintext(dataKey.get(), scope, key, stored));
        } catch (IOException e) {
            closeQuietly(stored, e);
            throw new BlobStoreUnavailableException("cannot read blob " + key, e);
        } catch (RuntimeException e) {
            closeQuietly(stored, e);
            throw e;
        }
    }

    private static Plaintext plaintext(SecretKey dataKey, UUID scope, BlobKey key, StoredBlob stored)
            throws IOException {
        int format = stored.content().read();
        if (format == FORMAT_SEGMENTED) {
            long length = SegmentedGcm.plaintextLength(stored.length() - 1);
            if (length < 0) {
                throw new CryptoException("blob " + key + " is too short to be sealed");
            }
            InputStream opened = SegmentedGcm.opening(dataKey, associatedData(FORMAT_SEGMENTED, scope, key),
                    stored.content());
            return new Plaintext(length, new NamingFailures(opened, key, scope));
        }
        if (format == FORMAT_V1) {
            byte[] sealed = stored.content().readAllBytes();
            stored.close();
            byte[] plain = openV1(dataKey, scope, key, sealed);
            return new Plaintext(plain.length, new ByteArrayInputStream(plain));
        }
        throw new CryptoException("blob " + key + " is not in a known encrypted format");
    }

    private static byte[] readAll(Plaintext plaintext, BlobKey key) throws IOException {
        if (plaintext.length() > Integer.MAX_VALUE - 8) {
            throw new CryptoException("blob " + key + " is too large to read whole");
        }
        byte[] content = plaintext.content().readNBytes((int) plaintext.length());
        // Reading on to the end is what checks the last segment's mark: a blob cut short fails here.
        if (content.length != plaintext.length() || plaintext.content().read() != -1) {
            throw new CryptoException("blob " + key + " is not as long as its stored length says");
        }
        return content;
    }

    private static byte[] openV1(SecretKey dataKey, UUID scope, BlobKey key, byte[] sealed) {
        try {
            return Aead.decrypt(dataKey, sealed, associatedData(FORMAT_V1, scope, key));
        } catch (CryptoException e) {
            throw doesNotDecrypt(key, scope);
        }
    }

    private static CryptoException doesNotDecrypt(BlobKey key, UUID scope) {
        return new CryptoException("blob " + key + " does not decrypt under scope " + scope
                + ": altered, or copied from another key or scope");
    }

    private static byte[] associatedData(byte format, UUID scope, BlobKey key) {
        byte[] keyBytes = key.value().getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(1 + 16 + keyBytes.length)
                .put(format)
                .put(Aead.scopeBinding(scope))
                .put(keyBytes)
                .array();
    }

    private static void closeQuietly(StoredBlob stored, Exception failure) {
        try {
            stored.close();
        } catch (IOException | UncheckedIOException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * A blob's plaintext being read: its length, known from the stored length before any byte is
     * decrypted, and the stream, which the reader closes.
     */
    public record Plaintext(long length, InputStream content) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            content.close();
        }
    }

    /** Says which blob failed to authenticate, as format 1 always did. */
    private static final class NamingFailures extends FilterInputStream {

        private final BlobKey key;
        private final UUID scope;

        NamingFailures(InputStream in, BlobKey key, UUID scope) {
            super(in);
            this.key = key;
            this.scope = scope;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (CryptoException e) {
                throw doesNotDecrypt(key, scope);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (CryptoException e) {
                throw doesNotDecrypt(key, scope);
            }
        }
    }
}

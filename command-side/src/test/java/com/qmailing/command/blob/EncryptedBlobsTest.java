package com.qmailing.command.blob;

import com.qmailing.command.crypto.CryptoException;
import com.qmailing.command.crypto.KeyVault;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.DataSubject;
import com.qmailing.events.common.MailboxId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.UUID;

import static com.qmailing.command.blob.BlobStoreContract.bytes;
import static com.qmailing.command.blob.BlobStoreContract.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a real key vault on PostgreSQL, so shredding is the production code path. */
class EncryptedBlobsTest {

    private static KeyVault vault;

    @TempDir
    Path root;

    private BlobStore store;
    private EncryptedBlobs blobs;
    private AccountId account;
    private DataSubject scope;
    private BlobKey key;

    @BeforeAll
    static void createVault() {
        vault = TestKeyVaults.fresh();
    }

    @BeforeEach
    void setUp() {
        store = new LocalFolderBlobStore(root);
        blobs = new EncryptedBlobs(store, vault);
        account = AccountId.random();
        scope = DataSubject.mailbox(MailboxId.random(), account);
        key = BlobKey.email(account, UUID.randomUUID());
    }

    @Test
    void whatIsStoredReadsBackByteForByte() {
        byte[] message = random(1 << 20, 11);

        blobs.store(scope, key, message);

        assertThat(blobs.read(scope, key)).hasValueSatisfying(plaintext -> assertThat(plaintext).isEqualTo(message));
        assertThat(blobs.read(scope.scope(), key)).hasValueSatisfying(plaintext -> assertThat(plaintext).isEqualTo(message));
    }

    @Test
    void anEmptyMessageRoundTrips() {
        blobs.store(scope, key, new byte[0]);

        assertThat(blobs.read(scope, key)).hasValueSatisfying(plaintext -> assertThat(plaintext).isEmpty());
    }

    @Test
    void theStoreHoldsCiphertextFreshlyNoncedOnEveryWrite() {
        byte[] message = bytes("Subject: hello\r\n\r\nsecret body");

        blobs.store(scope, key, message);
        byte[] first = store.get(key).orElseThrow();
        blobs.store(scope, key, message);
        byte[] second = store.get(key).orElseThrow();

        assertThat(new String(first, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("secret body");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aMissingBlobReadsAsEmpty() {
        assertThat(blobs.read(scope, key)).isEmpty();
    }

    @Test
    void afterTheScopesKeyIsShreddedTheBlobReadsAsGone() {
        blobs.store(scope, key, bytes("personal"));

        vault.shred(scope.scope());

        assertThat(blobs.read(scope, key)).isEmpty();
        assertThat(store.exists(key)).as("the ciphertext itself is still there").isTrue();
    }

    @Test
    void afterTheAccountsKeysAreShreddedItsBlobsReadAsGone() {
        blobs.store(scope, key, bytes("personal"));

        vault.shredAllOf(account);

        assertThat(blobs.read(scope.scope(), key)).isEmpty();
    }

    @Test
    void aBlobCopiedUnderAnotherKeyDoesNotDecrypt() {
        blobs.store(scope, key, bytes("personal"));
        BlobKey elsewhere = BlobKey.email(account, UUID.randomUUID());

        store.put(elsewhere, store.get(key).orElseThrow());

        assertThatThrownBy(() -> blobs.read(scope, elsewhere))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining(elsewhere.value())
                .hasMessageNotContaining("personal");
    }

    @Test
    void aBlobReadUnderAnotherLiveScopeDoesNotDecrypt() {
        DataSubject otherScope = DataSubject.mailbox(MailboxId.random(), account);
        blobs.store(otherScope, BlobKey.email(account, UUID.randomUUID()), bytes("creates the other key"));
        blobs.store(scope, key, bytes("personal"));

        assertThatThrownBy(() -> blobs.read(otherScope, key)).isInstanceOf(CryptoException.class);
    }

    @Test
    void anAlteredBlobDoesNotDecrypt() {
        blobs.store(scope, key, bytes("personal"));
        byte[] stored = store.get(key).orElseThrow();
        stored[stored.length - 1] ^= 1;
        store.put(key, stored);

        assertThatThrownBy(() -> blobs.read(scope, key)).isInstanceOf(CryptoException.class);
    }

    @Test
    void aBlobNotWrittenByEncryptedBlobsIsRefused() {
        vault.keyFor(scope);
        store.put(key, bytes("plain text that never was encrypted"));

        assertThatThrownBy(() -> blobs.read(scope, key)).isInstanceOf(CryptoException.class);
    }
}

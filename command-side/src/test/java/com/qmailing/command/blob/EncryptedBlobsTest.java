package com.qmailing.command.blob;

import com.qmailing.command.crypto.Aead;
import com.qmailing.command.crypto.CryptoException;
import com.qmailing.command.crypto.KeyVault;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.DataSubject;
import com.qmailing.events.common.MailboxId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
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

    @ParameterizedTest
    @ValueSource(ints = {0, 1, SegmentedGcm.SEGMENT - 1, SegmentedGcm.SEGMENT, SegmentedGcm.SEGMENT + 1,
            3 * SegmentedGcm.SEGMENT, 3 * SegmentedGcm.SEGMENT + 17})
    void messagesOfEverySizeAroundSegmentBoundariesRoundTripAndTakeTheirComputedLength(int size) throws Exception {
        byte[] message = random(size, size);

        blobs.store(scope, key, BlobSource.of(message));

        assertThat(store.get(key).orElseThrow()).hasSize((int) (1 + SegmentedGcm.sealedLength(size)));
        assertThat(blobs.read(scope, key)).hasValueSatisfying(plaintext -> assertThat(plaintext).isEqualTo(message));
        try (EncryptedBlobs.Plaintext opened = blobs.open(scope.scope(), key).orElseThrow()) {
            assertThat(opened.length()).isEqualTo(size);
            assertThat(opened.content().readAllBytes()).isEqualTo(message);
        }
    }

    @Test
    void aBlobWrittenInTheFirstFormatStillReads() {
        byte[] message = bytes("Subject: from before streaming\r\n\r\nbody");
        byte[] associatedData = ByteBuffer.allocate(1 + 16 + key.value().length()).put((byte) 1)
                .put(Aead.scopeBinding(scope.scope())).put(key.value().getBytes(StandardCharsets.US_ASCII)).array();
        byte[] sealed = Aead.encrypt(vault.keyFor(scope), message, associatedData);
        store.put(key, ByteBuffer.allocate(1 + sealed.length).put((byte) 1).put(sealed).array());

        assertThat(blobs.read(scope, key)).hasValueSatisfying(plaintext -> assertThat(plaintext).isEqualTo(message));
    }

    @Test
    void aBlobCutAtASegmentBoundaryDoesNotDecrypt() {
        blobs.store(scope, key, random(2 * SegmentedGcm.SEGMENT + 5, 3));
        byte[] stored = store.get(key).orElseThrow();
        int firstTwoSegments = 1 + SegmentedGcm.PREFIX_BYTES + 2 * (SegmentedGcm.SEGMENT + 16);
        store.put(key, Arrays.copyOf(stored, firstTwoSegments));

        assertThatThrownBy(() -> blobs.read(scope, key)).isInstanceOf(CryptoException.class);
    }

    @Test
    void aBlobWithSwappedSegmentsDoesNotDecrypt() {
        blobs.store(scope, key, random(3 * SegmentedGcm.SEGMENT, 4));
        byte[] stored = store.get(key).orElseThrow();
        int segment = SegmentedGcm.SEGMENT + 16;
        int first = 1 + SegmentedGcm.PREFIX_BYTES;
        byte[] swapped = stored.clone();
        System.arraycopy(stored, first, swapped, first + segment, segment);
        System.arraycopy(stored, first + segment, swapped, first, segment);
        store.put(key, swapped);

        assertThatThrownBy(() -> blobs.read(scope, key)).isInstanceOf(CryptoException.class);
    }

    @Test
    void aBlobWithBytesAppendedDoesNotDecrypt() {
        blobs.store(scope, key, bytes("personal"));
        byte[] stored = store.get(key).orElseThrow();
        store.put(key, Arrays.copyOf(stored, stored.length + 16));

        assertThatThrownBy(() -> blobs.read(scope, key)).isInstanceOf(CryptoException.class);
    }

    /** What a stream reader passed on before the failure was verified: only the altered segment is refused. */
    @Test
    void aStreamStopsAtTheFirstAlteredSegmentAfterTheVerifiedOnes() throws Exception {
        byte[] message = random(3 * SegmentedGcm.SEGMENT, 5);
        blobs.store(scope, key, message);
        byte[] stored = store.get(key).orElseThrow();
        stored[1 + SegmentedGcm.PREFIX_BYTES + SegmentedGcm.SEGMENT + 16 + 100] ^= 1;
        store.put(key, stored);

        try (EncryptedBlobs.Plaintext opened = blobs.open(scope.scope(), key).orElseThrow()) {
            assertThat(opened.content().readNBytes(SegmentedGcm.SEGMENT))
                    .isEqualTo(Arrays.copyOf(message, SegmentedGcm.SEGMENT));
            assertThatThrownBy(() -> opened.content().read()).isInstanceOf(CryptoException.class)
                    .hasMessageContaining(key.value());
        }
    }

    @Test
    void aSourceThatYieldsMoreThanItAnnouncedStoresNothing() {
        BlobSource lying = new BlobSource() {
            @Override
            public long length() {
                return 3;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes("more than three"));
            }
        };

        assertThatThrownBy(() -> blobs.store(scope, key, lying)).isInstanceOf(BlobStoreUnavailableException.class);

        assertThat(store.exists(key)).isFalse();
    }

    @Test
    void aBlobNotWrittenByEncryptedBlobsIsRefused() {
        vault.keyFor(scope);
        store.put(key, bytes("plain text that never was encrypted"));

        assertThatThrownBy(() -> blobs.read(scope, key)).isInstanceOf(CryptoException.class);
    }
}

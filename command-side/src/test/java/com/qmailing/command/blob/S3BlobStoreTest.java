package com.qmailing.command.blob;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.DataSubject;
import com.qmailing.events.common.MailboxId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class S3BlobStoreTest extends BlobStoreContract {

    private static final Duration SHORT = Duration.ofMillis(300);
    /** Three attempts of {@link #SHORT} each, the SDK's back-off between them, and slack for a slow CI. */
    private static final Duration QUICKLY = Duration.ofSeconds(5);

    private static S3ProxyServer server;
    private S3BlobStore store;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void connect() {
        store = S3BlobStore.connect(server.settingsForNewBucket());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    /** The sealed stream's announced length is the S3 content length: a wrong one would fail the PUT. */
    @Test
    void anEncryptedBlobIsStreamedIntoS3AtItsComputedLengthAndReadBack() throws Exception {
        EncryptedBlobs blobs = new EncryptedBlobs(store, TestKeyVaults.fresh());
        DataSubject scope = DataSubject.mailbox(MailboxId.random(), AccountId.random());
        BlobKey key = BlobKey.of("account/sealed");
        byte[] message = random(3 * SegmentedGcm.SEGMENT + 123, 8);

        blobs.store(scope, key, BlobSource.of(message));

        try (StoredBlob stored = store.open(key).orElseThrow()) {
            assertThat(stored.length()).isEqualTo(1 + SegmentedGcm.sealedLength(message.length));
        }
        assertThat(blobs.read(scope, key)).hasValueSatisfying(plaintext -> assertThat(plaintext).isEqualTo(message));
    }

    @Test
    void aMissingBucketIsCreatedAtStartAndAnExistingOneIsKept() {
        BlobStoreProperties.S3 settings = server.settingsForNewBucket();
        try (S3BlobStore first = S3BlobStore.connect(settings)) {
            first.put(BlobKey.of("account/email"), bytes("kept"));
        }

        try (S3BlobStore second = S3BlobStore.connect(settings)) {
            assertThat(second.get(BlobKey.of("account/email"))).isPresent();
        }
    }

    @Test
    void withoutBucketCreationAMissingBucketSurfacesAsUnavailable() {
        BlobStoreProperties.S3 settings = S3ProxyServer.settings(server.endpoint(), "missing-" + UUID.randomUUID(),
                false, Duration.ofSeconds(5));
        try (S3BlobStore unready = S3BlobStore.connect(settings)) {
            assertThatThrownBy(() -> unready.put(BlobKey.of("account/email"), bytes("x")))
                    .isInstanceOf(BlobStoreUnavailableException.class)
                    .hasMessageContaining("account/email");
        }
    }

    @Test
    void wrongCredentialsSurfaceAsUnavailable() {
        BlobStoreProperties.S3 valid = server.settingsForNewBucket();
        BlobStoreProperties.S3 wrong = new BlobStoreProperties.S3(valid.bucket(), valid.endpoint(), valid.region(),
                valid.accessKey(), "not-the-secret", true, valid.connectTimeout(), valid.readTimeout());

        assertThatThrownBy(() -> S3BlobStore.connect(wrong)).isInstanceOf(BlobStoreUnavailableException.class);
    }

    @Test
    void aRefusedConnectionSurfacesAsUnavailableQuickly() throws IOException {
        URI closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        BlobStoreProperties.S3 settings = S3ProxyServer.settings(closedPort, "qmailing", false, SHORT);

        try (S3BlobStore unreachable = S3BlobStore.connect(settings)) {
            assertUnavailableQuickly(() -> unreachable.put(BlobKey.of("account/email"), bytes("x")));
            assertUnavailableQuickly(() -> unreachable.get(BlobKey.of("account/email")));
        }
        assertUnavailableQuickly(() -> S3BlobStore.connect(
                S3ProxyServer.settings(closedPort, "qmailing", true, SHORT)));
    }

    @Test
    void anEndpointThatNeverAnswersSurfacesAsUnavailableQuickly() throws IOException {
        // The kernel accepts the connection into the backlog; nobody ever reads or answers.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            URI endpoint = URI.create("http://127.0.0.1:" + silent.getLocalPort());
            try (S3BlobStore hanging = S3BlobStore.connect(S3ProxyServer.settings(endpoint, "qmailing", false, SHORT))) {
                assertUnavailableQuickly(() -> hanging.get(BlobKey.of("account/email")));
            }
        }
    }

    private static void assertUnavailableQuickly(Runnable call) {
        long start = System.nanoTime();
        assertThatThrownBy(call::run).isInstanceOf(BlobStoreUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(QUICKLY);
    }
}

package com.qmailing.command.blob;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

/** A real S3 endpoint for tests: s3proxy in this JVM, objects in memory, on a free loopback port. */
final class S3ProxyServer implements AutoCloseable {

    static final String ACCESS_KEY = "test-access";
    static final String SECRET_KEY = "test-secret";

    private final S3Proxy proxy;

    private S3ProxyServer(S3Proxy proxy) {
        this.proxy = proxy;
    }

    static S3ProxyServer start() throws Exception {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        return new S3ProxyServer(proxy);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** Settings for a bucket of its own, so tests never see each other's objects. */
    BlobStoreProperties.S3 settingsForNewBucket() {
        return settings(endpoint(), "test-" + UUID.randomUUID(), true, Duration.ofSeconds(5));
    }

    static BlobStoreProperties.S3 settings(URI endpoint, String bucket, boolean createBucket, Duration timeout) {
        return new BlobStoreProperties.S3(bucket, endpoint, "us-east-1", ACCESS_KEY, SECRET_KEY, createBucket,
                timeout, timeout);
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not stop", e);
        }
    }
}

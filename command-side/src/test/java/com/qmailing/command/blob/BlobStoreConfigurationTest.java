package com.qmailing.command.blob;

import com.qmailing.command.crypto.KeyVault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static com.qmailing.command.blob.BlobStoreContract.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class BlobStoreConfigurationTest {

    @TempDir
    Path dataDir;

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(BlobStoreConfiguration.class)
            .withBean(KeyVault.class, () -> mock(KeyVault.class));

    @Test
    void byDefaultBlobsAreFilesInTheDataFolder() {
        context.withPropertyValues("qmailing.data-dir=" + dataDir).run(started -> {
            assertThat(started).hasSingleBean(BlobStore.class).hasSingleBean(EncryptedBlobs.class);
            assertThat(started).getBean("blobStore").isInstanceOf(LocalFolderBlobStore.class);
            assertThat(started).hasBean("encryptedBlobs");

            started.getBean(BlobStore.class).put(BlobKey.of("account/email"), bytes("x"));

            assertThat(dataDir.resolve("blobs/account/email" + LocalFolderBlobStore.SUFFIX)).exists();
        });
    }

    @Test
    void theDefaultsMatchTheDocumentedConfiguration() {
        // Bound without a context: starting one would create ./data/blobs in the working folder.
        BlobStoreProperties properties = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("qmailing", BlobStoreProperties.class);

        assertThat(properties.blobStore()).isEqualTo(BlobStoreProperties.Kind.LOCAL);
        assertThat(properties.localRoot().normalize()).isEqualTo(Path.of("data", "blobs"));
        assertThat(properties.s3().bucket()).isEqualTo("qmailing");
        assertThat(properties.s3().region()).isEqualTo("us-east-1");
        assertThat(properties.s3().createBucket()).isTrue();
        assertThat(properties.s3().endpointOverride()).isEmpty();
        assertThat(properties.s3().accessKey()).isNull();
    }

    @Test
    void s3IsChosenByConfigurationAndItsBucketIsCreated() throws Exception {
        try (S3ProxyServer server = S3ProxyServer.start()) {
            String bucket = "config-" + UUID.randomUUID();
            context.withPropertyValues(
                    "qmailing.data-dir=" + dataDir,
                    "qmailing.blob-store=s3",
                    "qmailing.s3.endpoint=" + server.endpoint(),
                    "qmailing.s3.bucket=" + bucket,
                    "qmailing.s3.access-key=" + S3ProxyServer.ACCESS_KEY,
                    "qmailing.s3.secret-key=" + S3ProxyServer.SECRET_KEY).run(started -> {
                assertThat(started).hasSingleBean(BlobStore.class);
                BlobStore store = started.getBean(BlobStore.class);
                assertThat(store).isInstanceOf(S3BlobStore.class);

                store.put(BlobKey.of("account/email"), bytes("x"));

                assertThat(store.get(BlobKey.of("account/email"))).isPresent();
                assertThat(dataDir.resolve("blobs")).doesNotExist();
            });
        }
    }

    @Test
    void anEmptyEndpointMeansAwsItself() {
        BlobStoreProperties properties = new Binder(new MapConfigurationPropertySource(Map.of("qmailing.s3.endpoint", "")))
                .bindOrCreate("qmailing", BlobStoreProperties.class);

        assertThat(properties.s3().endpointOverride()).isEmpty();
    }

    @Test
    void anUnknownStoreKindStopsTheStart() {
        context.withPropertyValues("qmailing.blob-store=ftp").run(started -> assertThat(started).hasFailed());
    }

    @Test
    void anAccessKeyWithoutASecretKeyStopsTheStart() {
        context.withPropertyValues("qmailing.blob-store=s3", "qmailing.s3.access-key=only-half")
                .run(started -> assertThat(started).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("secret-key"));
    }
}

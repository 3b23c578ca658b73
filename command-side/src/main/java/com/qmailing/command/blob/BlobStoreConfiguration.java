package com.qmailing.command.blob;

import com.qmailing.command.crypto.KeyVault;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One {@link BlobStore}, chosen by {@code qmailing.blob-store}, and the encryption on top of it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BlobStoreProperties.class)
public class BlobStoreConfiguration {

    /** Closed with the context (Spring calls {@code close()} on an {@link AutoCloseable} bean). */
    @Bean
    public BlobStore blobStore(BlobStoreProperties properties) {
        return switch (properties.blobStore()) {
            case LOCAL -> new LocalFolderBlobStore(properties.localRoot());
            case S3 -> S3BlobStore.connect(properties.s3());
        };
    }

    @Bean
    public EncryptedBlobs encryptedBlobs(BlobStore blobStore, KeyVault keyVault) {
        return new EncryptedBlobs(blobStore, keyVault);
    }
}

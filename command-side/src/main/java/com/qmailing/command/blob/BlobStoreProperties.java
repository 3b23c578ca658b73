package com.qmailing.command.blob;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where raw messages are kept: {@code qmailing.blob-store} is {@code local} (a folder under
 * {@code qmailing.data-dir}) or {@code s3}, configured by {@code qmailing.s3.*}.
 */
@ConfigurationProperties("qmailing")
public record BlobStoreProperties(
        @DefaultValue("local") Kind blobStore,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue S3 s3) {

    public enum Kind { LOCAL, S3 }

    /** The local store's folder. */
    Path localRoot() {
        return dataDir.resolve("blobs");
    }

    /**
     * @param endpoint  empty for AWS itself; set for MinIO, s3proxy, Ceph and the like
     * @param accessKey with {@code secretKey}: static credentials; both empty: the AWS default
     *                  chain (environment, profile, instance role)
     * @param createBucket create the bucket at start when it is missing
     * @param connectTimeout how long to wait for a connection before the attempt fails
     * @param readTimeout how long a request may wait for the next bytes of an answer
     */
    public record S3(
            @DefaultValue("qmailing") String bucket,
            URI endpoint,
            @DefaultValue("us-east-1") String region,
            String accessKey,
            String secretKey,
            @DefaultValue("true") boolean createBucket,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("30s") Duration readTimeout) {

        /** The endpoint, unless it is unset or blank (as an unset environment variable maps it). */
        Optional<URI> endpointOverride() {
            return endpoint == null || endpoint.toString().isBlank() ? Optional.empty() : Optional.of(endpoint);
        }

        @Override
        public String toString() {
            return "S3[bucket=" + bucket + ", endpoint=" + endpoint + ", region=" + region
                    + ", accessKey=" + (accessKey == null ? "none" : "set") + ", secretKey=redacted"
                    + ", createBucket=" + createBucket + "]";
        }
    }
}

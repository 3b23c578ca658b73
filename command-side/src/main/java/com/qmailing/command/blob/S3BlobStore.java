package com.qmailing.command.blob;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.paginators.ListObjectsV2Iterable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Blobs as objects of one bucket, key for key. S3 acknowledges a PUT only once the object is
 * stored redundantly, which is the durability {@link BlobStore#put} promises. Path-style access
 * and an endpoint override make MinIO, s3proxy and other S3-compatible stores work too.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {

    /** Both ListObjectsV2 pages and DeleteObjects requests hold at most 1,000 keys. */
    private static final int BATCH = 1000;
    private static final int NOT_FOUND = 404;

    private final S3Client client;
    private final String bucket;

    /** Takes ownership of the client: {@link #close()} closes it. */
    private S3BlobStore(S3Client client, String bucket) {
        this.client = client;
        this.bucket = bucket;
    }

    /**
     * A store on the configured endpoint, creating the bucket first when so configured.
     *
     * @throws BlobStoreUnavailableException when the bucket cannot be checked or created
     */
    public static S3BlobStore connect(BlobStoreProperties.S3 settings) {
        S3BlobStore store = new S3BlobStore(client(settings), settings.bucket());
        if (settings.createBucket()) {
            try {
                store.createBucketIfMissing(settings.region());
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        }
        return store;
    }

    @Override
    public void put(BlobKey key, BlobSource content) {
        // The SDK opens the body again when it retries; each stream is read to its end.
        RequestBody body = RequestBody.fromContentProvider(() -> {
            try {
                return content.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, content.length(), "application/octet-stream");
        try {
            client.putObject(request -> request.bucket(bucket).key(key.value()), body);
        } catch (SdkException | UncheckedIOException | IllegalStateException e) {
            // The SDK reports a body shorter than its announced length as an IllegalStateException.
            throw new BlobStoreUnavailableException("cannot store blob " + key, e);
        }
    }

    @Override
    public Optional<StoredBlob> open(BlobKey key) {
        try {
            ResponseInputStream<GetObjectResponse> object =
                    client.getObject(request -> request.bucket(bucket).key(key.value()));
            return Optional.of(new StoredBlob(object.response().contentLength(), object));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new BlobStoreUnavailableException("cannot read blob " + key, e);
        }
    }

    @Override
    public boolean exists(BlobKey key) {
        try {
            client.headObject(request -> request.bucket(bucket).key(key.value()));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            // A HEAD answer has no body, so some S3-compatible stores' 404 carries no error code.
            if (e.statusCode() == NOT_FOUND) {
                return false;
            }
            throw new BlobStoreUnavailableException("cannot look up blob " + key, e);
        } catch (SdkException e) {
            throw new BlobStoreUnavailableException("cannot look up blob " + key, e);
        }
    }

    @Override
    public void delete(BlobKey key) {
        try {
            client.deleteObject(request -> request.bucket(bucket).key(key.value()));
        } catch (SdkException e) {
            throw new BlobStoreUnavailableException("cannot delete blob " + key, e);
        }
    }

    @Override
    public void delete(Collection<BlobKey> keys) {
        List<ObjectIdentifier> all = keys.stream()
                .map(key -> ObjectIdentifier.builder().key(key.value()).build())
                .toList();
        try {
            for (int from = 0; from < all.size(); from += BATCH) {
                deleteBatch(all.subList(from, Math.min(all.size(), from + BATCH)));
            }
        } catch (SdkException e) {
            throw new BlobStoreUnavailableException("cannot delete " + keys.size() + " blobs", e);
        }
    }

    @Override
    public int deleteAll(BlobKey prefix) {
        try {
            ListObjectsV2Iterable pages = client.listObjectsV2Paginator(request -> request
                    .bucket(bucket).prefix(prefix.value() + "/").maxKeys(BATCH));
            int deleted = 0;
            // Each page is deleted as it arrives: the continuation token marks a position in the
            // key order, so removing what was already listed does not disturb the next page.
            for (var page : pages) {
                List<ObjectIdentifier> batch = page.contents().stream()
                        .map(S3Object::key)
                        .map(key -> ObjectIdentifier.builder().key(key).build())
                        .toList();
                if (!batch.isEmpty()) {
                    deleteBatch(batch);
                    deleted += batch.size();
                }
            }
            return deleted;
        } catch (SdkException e) {
            throw new BlobStoreUnavailableException("cannot delete the blobs below " + prefix, e);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private void deleteBatch(List<ObjectIdentifier> batch) {
        DeleteObjectsResponse response = client.deleteObjects(request -> request
                .bucket(bucket).delete(Delete.builder().objects(batch).quiet(true).build()));
        if (response.hasErrors() && !response.errors().isEmpty()) {
            var first = response.errors().get(0);
            throw new BlobStoreUnavailableException("cannot delete " + response.errors().size() + " of "
                    + batch.size() + " blobs, first " + first.key() + ": " + first.code());
        }
    }

    private void createBucketIfMissing(String region) {
        try {
            client.headBucket(request -> request.bucket(bucket));
        } catch (NoSuchBucketException e) {
            createBucket(region);
        } catch (S3Exception e) {
            if (e.statusCode() != NOT_FOUND) {
                throw new BlobStoreUnavailableException("cannot check bucket " + bucket, e);
            }
            createBucket(region);
        } catch (SdkException e) {
            throw new BlobStoreUnavailableException("cannot check bucket " + bucket, e);
        }
    }

    private void createBucket(String region) {
        try {
            client.createBucket(request -> {
                request.bucket(bucket);
                // us-east-1 is the one region S3 refuses to be named in a location constraint.
                if (!Region.US_EAST_1.id().equals(region)) {
                    request.createBucketConfiguration(CreateBucketConfiguration.builder()
                            .locationConstraint(region).build());
                }
            });
        } catch (BucketAlreadyOwnedByYouException e) {
            // Another node created it between our check and our request.
        } catch (SdkException e) {
            throw new BlobStoreUnavailableException("cannot create bucket " + bucket, e);
        }
    }

    private static S3Client client(BlobStoreProperties.S3 settings) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(settings.connectTimeout())
                        .socketTimeout(settings.readTimeout()))
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                // Virtual-host style needs DNS for every bucket name; S3-compatible stores rarely have it.
                .forcePathStyle(true);
        settings.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(BlobStoreProperties.S3 settings) {
        boolean hasAccessKey = settings.accessKey() != null && !settings.accessKey().isBlank();
        boolean hasSecretKey = settings.secretKey() != null && !settings.secretKey().isBlank();
        if (hasAccessKey != hasSecretKey) {
            throw new IllegalArgumentException("set both qmailing.s3.access-key and qmailing.s3.secret-key, or neither");
        }
        return hasAccessKey
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()))
                : DefaultCredentialsProvider.builder().build();
    }

    @Override
    public String toString() {
        return "S3BlobStore[" + bucket + "]";
    }
}

package com.qmailing.command.blob;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link BlobStore} promises, run against each implementation. A subclass supplies a
 * fresh, empty store per test.
 */
abstract class BlobStoreContract {

    /** More than one ListObjectsV2 page and one DeleteObjects batch (1,000 each). */
    private static final int MANY = 1_100;
    private static final int THREADS = 8;

    protected abstract BlobStore store();

    @Test
    void anEmptyBlobRoundTrips() {
        assertRoundTrip(new byte[0]);
    }

    @Test
    void aOneByteBlobRoundTrips() {
        assertRoundTrip(new byte[] {42});
    }

    @Test
    void everyByteValueRoundTrips() {
        byte[] content = new byte[512];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) i;
        }
        assertRoundTrip(content);
    }

    @Test
    void aTwentyFiveMegabyteBlobRoundTrips() {
        assertRoundTrip(random(25 << 20, 7));
    }

    @Test
    void aPutReplacesTheBlobUnderTheSameKey() {
        BlobKey key = BlobKey.of("account/email");
        store().put(key, random(4096, 1));
        store().put(key, bytes("second"));

        assertThat(store().get(key)).hasValueSatisfying(content -> assertThat(content).isEqualTo(bytes("second")));
    }

    @Test
    void aMissingKeyReadsAsEmpty() {
        assertThat(store().get(BlobKey.of("account/never-stored"))).isEmpty();
        assertThat(store().exists(BlobKey.of("account/never-stored"))).isFalse();
    }

    @Test
    void existsTellsWhetherABlobIsStored() {
        BlobKey key = BlobKey.of("account/email");
        store().put(key, bytes("x"));

        assertThat(store().exists(key)).isTrue();
        assertThat(store().exists(BlobKey.of("account"))).isFalse();
    }

    @Test
    void aDeletedBlobReadsAsEmpty() {
        BlobKey key = BlobKey.of("account/email");
        store().put(key, bytes("x"));

        store().delete(key);

        assertThat(store().get(key)).isEmpty();
        assertThat(store().exists(key)).isFalse();
    }

    @Test
    void deletingTwiceOrDeletingWhatWasNeverStoredIsNoError() {
        BlobKey key = BlobKey.of("account/email");
        store().put(key, bytes("x"));

        store().delete(key);
        store().delete(key);
        store().delete(BlobKey.of("other-account/never-stored"));

        assertThat(store().get(key)).isEmpty();
    }

    @Test
    void deletingManyAtOnceRemovesThoseNamedWhetherStoredOrNotAndNothingElse() throws Exception {
        inParallel(IntStream.range(0, MANY).mapToObj(i -> (Callable<Void>) () -> {
            store().put(BlobKey.of("acc/" + i), bytes("blob " + i));
            return null;
        }).toList());
        List<BlobKey> named = IntStream.range(1, MANY).mapToObj(i -> BlobKey.of("acc/" + i)).collect(
                Collectors.toCollection(ArrayList::new));
        named.add(BlobKey.of("acc/never-stored"));
        named.add(BlobKey.of("other/never-stored"));

        store().delete(named);
        store().delete(named);

        assertThat(store().exists(BlobKey.of("acc/0"))).isTrue();
        assertThat(store().exists(BlobKey.of("acc/1"))).isFalse();
        assertThat(store().exists(BlobKey.of("acc/" + (MANY - 1)))).isFalse();
        assertThat(store().deleteAll(BlobKey.of("acc"))).isOne();
    }

    @Test
    void deleteAllRemovesEveryBlobBelowThePrefixAndNothingElse() {
        List<String> below = List.of("acc/1", "acc/2", "acc/folder/3");
        List<String> notBelow = List.of("acc-2/1", "accx/1", "other/acc/1");
        below.forEach(key -> store().put(BlobKey.of(key), bytes(key)));
        notBelow.forEach(key -> store().put(BlobKey.of(key), bytes(key)));

        int deleted = store().deleteAll(BlobKey.of("acc"));

        assertThat(deleted).isEqualTo(below.size());
        below.forEach(key -> assertThat(store().get(BlobKey.of(key))).as(key).isEmpty());
        notBelow.forEach(key -> assertThat(store().get(BlobKey.of(key))).as(key)
                .hasValueSatisfying(content -> assertThat(content).isEqualTo(bytes(key))));
    }

    @Test
    void deleteAllAgainDeletesNothingMore() {
        store().put(BlobKey.of("acc/1"), bytes("x"));
        store().deleteAll(BlobKey.of("acc"));

        assertThat(store().deleteAll(BlobKey.of("acc"))).isZero();
        assertThat(store().deleteAll(BlobKey.of("never-used"))).isZero();
    }

    @Test
    void blobsCanBeStoredUnderAPrefixAgainAfterDeleteAll() {
        store().put(BlobKey.of("acc/1"), bytes("old"));
        store().deleteAll(BlobKey.of("acc"));

        store().put(BlobKey.of("acc/1"), bytes("new"));

        assertThat(store().get(BlobKey.of("acc/1"))).hasValueSatisfying(c -> assertThat(c).isEqualTo(bytes("new")));
    }

    @Test
    void deleteAllRemovesMoreBlobsThanOneListingPageHolds() throws Exception {
        inParallel(IntStream.range(0, MANY).mapToObj(i -> (Callable<Void>) () -> {
            store().put(BlobKey.of("big/" + i), bytes("blob " + i));
            return null;
        }).toList());
        store().put(BlobKey.of("kept/1"), bytes("kept"));

        assertThat(store().deleteAll(BlobKey.of("big"))).isEqualTo(MANY);

        assertThat(store().get(BlobKey.of("big/0"))).isEmpty();
        assertThat(store().get(BlobKey.of("big/" + (MANY - 1)))).isEmpty();
        assertThat(store().deleteAll(BlobKey.of("big"))).isZero();
        assertThat(store().exists(BlobKey.of("kept/1"))).isTrue();
    }

    @Test
    void concurrentPutsOfDifferentKeysAllLand() throws Exception {
        int count = 200;
        inParallel(IntStream.range(0, count).mapToObj(i -> (Callable<Void>) () -> {
            store().put(BlobKey.of("shared/" + i), random(1000 + i, i));
            return null;
        }).toList());

        for (int i = 0; i < count; i++) {
            int seed = i;
            assertThat(store().get(BlobKey.of("shared/" + i))).as("shared/" + i)
                    .hasValueSatisfying(content -> assertThat(content).isEqualTo(random(1000 + seed, seed)));
        }
    }

    @Test
    void concurrentPutsOfTheSameKeyLeaveOneWholeBlob() throws Exception {
        BlobKey key = BlobKey.of("account/contended");
        List<byte[]> candidates = IntStream.range(0, 16).mapToObj(i -> random(256 << 10, i)).toList();

        inParallel(candidates.stream().map(content -> (Callable<Void>) () -> {
            store().put(key, content);
            return null;
        }).toList());

        assertThat(store().get(key)).hasValueSatisfying(content -> assertThat(candidates).anySatisfy(
                candidate -> assertThat(content).isEqualTo(candidate)));
    }

    @Test
    void aBlobPutFromAStreamIsReadBackAsAStreamOfItsLength() throws Exception {
        byte[] content = random(25 << 20, 9);
        BlobKey key = BlobKey.of("account/streamed");

        store().put(key, BlobSource.of(content));

        try (StoredBlob blob = store().open(key).orElseThrow()) {
            assertThat(blob.length()).isEqualTo(content.length);
            assertThat(blob.content().readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void aHeadAndARestAreStoredAsOneBlob() {
        BlobKey key = BlobKey.of("account/joined");

        store().put(key, BlobSource.of(bytes("head\r\n"), BlobSource.of(bytes("rest"))));

        assertThat(store().get(key)).hasValueSatisfying(c -> assertThat(c).isEqualTo(bytes("head\r\nrest")));
    }

    @Test
    void openingAMissingKeyFindsNothing() {
        assertThat(store().open(BlobKey.of("account/never-stored"))).isEmpty();
    }

    @Test
    void aSourceThatFailsMidwayFailsThePutAndLeavesTheOldBlob() {
        BlobKey key = BlobKey.of("account/email");
        store().put(key, bytes("old"));

        assertThatThrownBy(() -> store().put(key, failingAfter(1 << 20)))
                .isInstanceOf(BlobStoreUnavailableException.class);

        assertThat(store().get(key)).hasValueSatisfying(c -> assertThat(c).isEqualTo(bytes("old")));
    }

    @Test
    void aSourceShorterThanAnnouncedFailsThePutAndLeavesTheOldBlob() {
        BlobKey key = BlobKey.of("account/email");
        store().put(key, bytes("old"));
        BlobSource shortOne = announcing(100, bytes("only these"));

        assertThatThrownBy(() -> store().put(key, shortOne)).isInstanceOf(BlobStoreUnavailableException.class);

        assertThat(store().get(key)).hasValueSatisfying(c -> assertThat(c).isEqualTo(bytes("old")));
    }

    /** The key type refuses them, so no store ever sees a path that leaves its root. */
    @ParameterizedTest
    @ValueSource(strings = {"../escape", "acc/../../escape", "/etc/passwd", "acc//x", "..", "acc/..", "C:\\x"})
    void keysThatTryToLeaveTheStoreAreRefusedBeforeAnyIo(String hostile) {
        assertThatIllegalArgumentException().isThrownBy(() -> store().put(BlobKey.of(hostile), bytes("x")));
        assertThatIllegalArgumentException().isThrownBy(() -> store().deleteAll(BlobKey.of(hostile)));
    }

    private void assertRoundTrip(byte[] content) {
        BlobKey key = BlobKey.of("account/email");
        store().put(key, content);

        assertThat(store().get(key)).hasValueSatisfying(stored -> assertThat(stored).isEqualTo(content));
    }

    static byte[] random(int size, long seed) {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        return content;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Announces {@code 2 * failAt} bytes and fails after {@code failAt}, as a broken spool or socket would. */
    private static BlobSource failingAfter(int failAt) {
        return new BlobSource() {
            @Override
            public long length() {
                return 2L * failAt;
            }

            @Override
            public InputStream open() {
                return new InputStream() {
                    private int served;

                    @Override
                    public int read() throws IOException {
                        if (served++ >= failAt) {
                            throw new IOException("source broke");
                        }
                        return 'x';
                    }
                };
            }
        };
    }

    private static BlobSource announcing(long length, byte[] content) {
        return new BlobSource() {
            @Override
            public long length() {
                return length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(content);
            }
        };
    }

    private static void inParallel(List<Callable<Void>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Void>> results = new ArrayList<>();
            for (Callable<Void> task : tasks) {
                results.add(pool.submit(task));
            }
            for (Future<Void> result : results) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

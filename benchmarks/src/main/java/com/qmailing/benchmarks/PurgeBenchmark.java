package com.qmailing.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * The purge figure: deletes one (filled) mailbox and watches it go, from its purge date (the
 * deadline, given {@code QMAILING_RETENTION_PERIOD=PT10S} or so) until its blobs are gone, the
 * mailbox answers 404 and no email of it is listed. Run IngestBenchmark with one mailbox first; it
 * prints the account, token and mailbox this needs.
 * <p>
 * The server may be killed and restarted while this runs (the crash figure): the blobs are counted on
 * disk, and failed requests are counted as downtime rather than ending the run.
 * <p>
 * Usage: {@code benchmarks/run.sh PurgeBenchmark baseUrl accountToken accountId mailboxId dataDir}
 */
public final class PurgeBenchmark {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration GIVE_UP = Duration.ofMinutes(15);

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            throw new IllegalArgumentException("usage: PurgeBenchmark baseUrl accountToken accountId mailboxId dataDir");
        }
        Http http = new Http(args[0]);
        String token = args[1];
        Path blobs = Path.of(args[4]).resolve("blobs").resolve(args[2]);
        String mailbox = args[3];

        long before = countFiles(blobs);
        JsonNode deleted = http.expect(202, "DELETE", "/api/v1/pub/mailboxes/" + mailbox, token, null);
        Instant purgeAt = Instant.parse(deleted.get("purgeAt").asText());
        System.out.printf("mailbox %s deleted, %d blobs, purge date %s%n", mailbox, before, purgeAt);

        Instant firstBlobGone = null;
        Instant blobsGone = null;
        Instant mailboxGone = null;
        Instant listGone = null;
        int failedRequests = 0;
        Instant lastReport = Instant.EPOCH;
        while (blobsGone == null || mailboxGone == null || listGone == null) {
            Instant now = Instant.now();
            if (Duration.between(purgeAt, now).compareTo(GIVE_UP) > 0) {
                throw new IllegalStateException("purge not finished " + GIVE_UP + " after its date");
            }
            long left = countFiles(blobs);
            if (firstBlobGone == null && left < before) {
                firstBlobGone = now;
            }
            if (blobsGone == null && left == 0) {
                blobsGone = now;
            }
            try {
                if (mailboxGone == null
                        && http.send("GET", "/api/v1/pub/mailboxes/" + mailbox, token, null).statusCode() == 404) {
                    mailboxGone = now;
                }
                if (listGone == null && noEmailListed(http, token, mailbox)) {
                    listGone = now;
                }
            } catch (IllegalStateException e) {
                failedRequests++;
            }
            if (Duration.between(lastReport, now).toSeconds() >= 5) {
                System.out.printf("  +%5.1f s after the purge date: %d blobs left%n", seconds(purgeAt, now), left);
                lastReport = now;
            }
            Thread.sleep(POLL.toMillis());
        }
        System.out.printf("first blob deleted %.1f s after the purge date%n", seconds(purgeAt, firstBlobGone));
        System.out.printf("0 blobs left        %.1f s after the purge date%n", seconds(purgeAt, blobsGone));
        System.out.printf("mailbox 404         %.1f s after the purge date%n", seconds(purgeAt, mailboxGone));
        System.out.printf("no email listed     %.1f s after the purge date%n", seconds(purgeAt, listGone));
        System.out.printf("purge (first blob deleted -> all of the above) %.1f s; %d requests failed (server down)%n",
                seconds(firstBlobGone, latest(blobsGone, mailboxGone, listGone)), failedRequests);
    }

    /** Empty, or 404 once the mailbox itself is gone. */
    private static boolean noEmailListed(Http http, String token, String mailbox) throws IOException {
        var response = http.send("GET", "/api/v1/pub/email?limit=1&mailboxId=" + mailbox, token, null);
        return response.statusCode() == 404
                || response.statusCode() == 200 && Http.JSON.readTree(response.body()).isEmpty();
    }

    private static Instant latest(Instant... instants) {
        return Stream.of(instants).max(Instant::compareTo).orElseThrow();
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static long countFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException | UncheckedIOException e) {
            // A file deleted while the folder is walked: count again on the next poll.
            return countFiles(folder);
        }
    }
}

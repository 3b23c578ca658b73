package com.qmailing.benchmarks;

/**
 * {@code GET /email?mailboxId=…&limit=25} at a fixed 200 requests/s against a mailbox that
 * already holds many emails (fill one first with {@code -Dqmailing.bench.messages=100000
 * -Dqmailing.bench.mailboxes=1 IngestBenchmark}, which prints the account's token and the
 * mailbox id). Also reports the folder's {@code X-Total-Count}, to show the mailbox's size.
 * <p>
 * Usage: {@code benchmarks/run.sh EmailListBenchmark <baseUrl> <accountToken> <mailboxId> [seconds]}
 */
public final class EmailListBenchmark {

    private static final int RATE = 200;

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: EmailListBenchmark <baseUrl> <accountToken> <mailboxId> [seconds]");
        }
        String base = args[0];
        String token = args[1];
        String path = "/api/v1/pub/email?mailboxId=" + args[2] + "&limit=25";
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        String total = new Http(base).send("GET", path, token, null).headers().firstValue("X-Total-Count")
                .orElseThrow(() -> new IllegalStateException("no X-Total-Count: is the mailbox id right?"));

        Latencies warmUp = FixedRate.gets(base, path, token, RATE, 5);
        System.out.println("warm-up: " + warmUp.summary());
        Latencies measured = FixedRate.gets(base, path, token, RATE, seconds);
        System.out.printf("GET /email?mailboxId=…&limit=25 (%s emails in the INBOX) at %d req/s for %d s: %s%n",
                total, RATE, seconds, measured.summary());
    }
}

package com.qmailing.benchmarks;

/**
 * {@code GET /mailboxes} at a fixed rate for an account with 1,000 mailboxes, on its own (without
 * {@link ApiBenchmark}'s 8,000 creates first): each request timed from its scheduled start.
 * Usage: {@code benchmarks/run.sh MailboxListBenchmark <baseUrl> <adminToken> [rate] [seconds]}
 */
public final class MailboxListBenchmark {

    private static final int MAILBOXES = 1000;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String admin = Accounts.adminToken(args, 1);
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        Http http = new Http(base);
        Accounts.Account account = Accounts.create(http, admin, "PRO_MAX");
        for (int i = 0; i < MAILBOXES; i++) {
            Accounts.mailbox(http, account.token(), "list" + i + "x");
        }
        // The same rate for a while first: the JIT compiles the list path before it is measured.
        FixedRate.gets(base, "/api/v1/pub/mailboxes", account.token(), rate, 15);
        Latencies latencies = FixedRate.gets(base, "/api/v1/pub/mailboxes", account.token(), rate, seconds);
        System.out.printf("GET /mailboxes (%d mailboxes) at %d req/s for %d s, after 15 s of warm-up: %s%n",
                MAILBOXES, rate, seconds, latencies.summary());
    }
}

package com.qmailing.benchmarks;

/**
 * {@code GET /mailboxes} at a fixed rate for an account with 1,000 mailboxes, on its own (without
 * {@link ApiBenchmark}'s 8,000 creates first): each request timed from its scheduled start.
 * Usage: {@code benchmarks/run.sh MailboxListBenchmark <baseUrl> <adminToken> [rate] [seconds]}
 */
public final class MailboxListBenchmark {

    private static final int MAILBOXES = 1000;
    private static final String PATH = "/api/v1/pub/mailboxes";
    /**
     * {@code -Dqmailing.bench.sockets=N}: N plain keep-alive sockets ({@link SocketGets}) instead of
     * the JDK's HttpClient on 32 threads, which the figures have used since session 2.
     */
    private static final int SOCKETS = Integer.getInteger("qmailing.bench.sockets", 0);

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
        get(base, account.token(), rate, 15);
        Latencies latencies = get(base, account.token(), rate, seconds);
        System.out.printf("GET /mailboxes (%d mailboxes) at %d req/s for %d s, after 15 s of warm-up, %s: %s%n",
                MAILBOXES, rate, seconds, SOCKETS == 0 ? "JDK HttpClient" : SOCKETS + " sockets", latencies.summary());
    }

    private static Latencies get(String base, String token, int rate, int seconds) throws Exception {
        return SOCKETS == 0 ? FixedRate.gets(base, PATH, token, rate, seconds)
                : SocketGets.run(base, PATH, token, rate, seconds, SOCKETS);
    }
}

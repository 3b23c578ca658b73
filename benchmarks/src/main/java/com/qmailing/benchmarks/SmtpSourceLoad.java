package com.qmailing.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The ingest load driven by Postfix's {@code smtp-source}, a C generator that costs the shared
 * cores far less than a Java one. {@code smtp-source} sends every message of a process to one
 * recipient ({@code -t}), so the load is cut into runs of {@link #MESSAGES_PER_PROCESS} messages
 * for one mailbox, handed out round robin over the mailboxes to {@code connections} workers, each
 * running one {@code smtp-source -s 1 -d} (one connection) at a time. The same command lines go
 * to {@code smtp-sink} and to QMailing, so both figures come from one generator.
 */
final class SmtpSourceLoad {

    static final int MESSAGES_PER_PROCESS = 50;
    /** Payload bytes; with smtp-source's From, To, Date, Message-Id and Subject lines a message is ~10.2 kB. */
    static final int PAYLOAD_BYTES = 10_000;

    private SmtpSourceLoad() {
    }

    /** Sends {@code messages} in all; returns messages per second. Fails if any process did not get every 250. */
    static double run(String host, int port, List<String> addresses, int messages, int connections)
            throws Exception {
        ConcurrentLinkedQueue<String[]> runs = new ConcurrentLinkedQueue<>();
        int box = 0;
        for (int left = messages; left > 0; left -= MESSAGES_PER_PROCESS) {
            int count = Math.min(MESSAGES_PER_PROCESS, left);
            runs.add(command(host, port, addresses.get(box++ % addresses.size()), count));
        }
        ExecutorService workers = Executors.newFixedThreadPool(connections);
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                done.add(workers.submit(() -> {
                    for (String[] run = runs.poll(); run != null; run = runs.poll()) {
                        execute(run);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : done) {
                worker.get();
            }
        } finally {
            workers.shutdownNow();
        }
        return messages / ((System.nanoTime() - start) / 1e9);
    }

    private static String[] command(String host, int port, String to, int count) {
        // -d: all messages over one connection; without -A any reply but the expected one ends it with an error.
        return new String[] {"smtp-source", "-4", "-d", "-s", "1", "-m", Integer.toString(count),
                "-l", Integer.toString(PAYLOAD_BYTES), "-f", "load@example.org", "-t", to,
                "-M", "bench.example", "-S", "ingest load", host + ":" + port};
    }

    private static void execute(String[] command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("smtp-source exited with " + exit + ": " + String.join(" ", command));
        }
    }
}

package com.qmailing.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Requests started at a fixed rate, each latency measured from the request's scheduled start, so a
 * slow answer also counts against the requests queued behind it (no coordinated omission).
 */
final class FixedRate {

    /** The n-th request, run on its lane. */
    interface Request {
        void run(int n) throws Exception;
    }

    private FixedRate() {
    }

    /** GETs of one path, on a pool of 32 workers; anything but 200 fails the run. */
    static Latencies gets(String base, String path, String token, int perSecond, int seconds) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(32);
        ThreadLocal<Http> clients = ThreadLocal.withInitial(() -> new Http(base));
        try {
            return run(perSecond * seconds, perSecond, n -> workers, n -> {
                int status = clients.get().status(path, token);
                if (status != 200) {
                    throw new IllegalStateException("GET " + path + " answered " + status);
                }
            });
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * @param lane where the n-th request runs: a shared pool, or a single thread per session so that
     *             a session still busy queues its next request and that wait counts
     */
    static Latencies run(int total, int perSecond, IntFunction<ExecutorService> lane, Request request)
            throws Exception {
        Latencies latencies = new Latencies(total);
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long start = System.nanoTime();
        List<Future<?>> requests = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                // Parking, not spinning: on a 2-core machine a spinning generator steals the server's CPU.
                LockSupport.parkNanos(wait);
            }
            int n = i;
            requests.add(lane.apply(n).submit(() -> {
                request.run(n);
                latencies.record(System.nanoTime() - scheduled);
                return null;
            }));
        }
        for (Future<?> pending : requests) {
            pending.get();
        }
        return latencies;
    }
}

package com.qmailing.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * GETs of one path at a fixed rate, each latency measured from the request's scheduled start, so a
 * slow answer also counts against the requests queued behind it (no coordinated omission).
 */
final class FixedRateGets {

    private FixedRateGets() {
    }

    static Latencies run(String base, String path, String token, int perSecond, int seconds) throws Exception {
        int total = perSecond * seconds;
        Latencies latencies = new Latencies(total);
        ExecutorService workers = Executors.newFixedThreadPool(32);
        ThreadLocal<Http> clients = ThreadLocal.withInitial(() -> new Http(base));
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long start = System.nanoTime();
        List<Future<?>> requests = new ArrayList<>(total);
        try {
            for (int i = 0; i < total; i++) {
                long scheduled = start + i * interval;
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    // Parking, not spinning: on a 2-core machine a spinning generator steals the server's CPU.
                    LockSupport.parkNanos(wait);
                }
                requests.add(workers.submit(() -> {
                    int status = clients.get().status(path, token);
                    if (status != 200) {
                        throw new IllegalStateException("GET " + path + " answered " + status);
                    }
                    latencies.record(System.nanoTime() - scheduled);
                }));
            }
            for (Future<?> request : requests) {
                request.get();
            }
        } finally {
            workers.shutdownNow();
        }
        return latencies;
    }
}

package com.qmailing.api.requestlog;

import com.qmailing.api.auth.Caller;
import com.qmailing.api.core.Gateways;
import com.qmailing.events.requestlog.ApiRequestRecord;
import com.qmailing.events.requestlog.RecordApiRequestsCommand;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Collects request metadata off the request path and hands it to the request log in batches.
 * What is recorded: time, account, token, route template (never the concrete URL or its query
 * string, which may carry addresses), status and duration.
 */
@Component
public class RequestLogRecorder {

    private static final Logger log = LoggerFactory.getLogger(RequestLogRecorder.class);
    private static final int CAPACITY = 100_000;
    private static final int BATCH = 1_000;

    private final Gateways gateways;
    private final Clock clock;
    private final BlockingQueue<ApiRequestRecord> pending = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();

    public RequestLogRecorder(Gateways gateways, Clock clock) {
        this.gateways = gateways;
        this.clock = clock;
    }

    public void record(Caller caller, HttpServletRequest request, int status, long startedNanos) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String endpoint = request.getMethod() + " " + (pattern == null ? "?" : pattern);
        record(caller, endpoint, status, startedNanos);
    }

    /** @param endpoint a route template or an MCP tool name */
    public void record(Caller caller, String endpoint, int status, long startedNanos) {
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        ApiRequestRecord entry = new ApiRequestRecord(clock.instant(), caller.accountId(), caller.tokenId(),
                endpoint, status, millis);
        if (!pending.offer(entry)) {
            dropped.incrementAndGet();
        }
    }

    @Scheduled(fixedDelayString = "${qmailing.request-log-flush-interval:PT0.25S}")
    public void flush() {
        List<ApiRequestRecord> batch = new ArrayList<>(BATCH);
        while (pending.drainTo(batch, BATCH) > 0) {
            try {
                gateways.send(new RecordApiRequestsCommand(List.copyOf(batch)));
            } catch (RuntimeException e) {
                log.warn("Request log: could not store {} entries: {}", batch.size(), e.toString());
            }
            batch.clear();
        }
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            log.warn("Request log: dropped {} entries, the queue was full", lost);
        }
    }

    @PreDestroy
    void flushOnShutdown() {
        flush();
    }
}

package com.qmailing.api.consistency;

import com.qmailing.api.core.Gateways;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.consistency.ReadModel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Read-your-writes per account, settled when the account next reads rather than when it writes
 * (ADR 13). A write whose answer is built from the command's own result (creating a mailbox) is
 * noted here; the account's next request that reads a read model first waits until the noted
 * writes are in the read models they touch. A client creating a thousand mailboxes waits for
 * none of them; one that creates a mailbox and then lists its mailboxes sees it in the list.
 * <p>
 * Kept in this node's memory, as the waits were before: a deployment with several API nodes
 * keeps an account's requests on one node for read-your-writes (as it did for the waits, whose
 * projections are those of the node). Bounded: the write that gives an account more than
 * {@value #MAX_PER_ACCOUNT} unsettled ones waits for all of them before it is answered, and writes
 * older than the wait's own time limit are forgotten, since a read after them would have waited no
 * longer anyway.
 */
@Component
public class ReadYourWrites {

    static final int MAX_PER_ACCOUNT = 1_000;

    private final Gateways gateways;
    private final long timeLimitNanos;
    private final Map<AccountId, Unsettled> unsettled = new ConcurrentHashMap<>();

    ReadYourWrites(Gateways gateways,
                   @Value("${qmailing.read-your-writes-timeout:PT5S}") Duration timeLimit) {
        this.gateways = gateways;
        this.timeLimitNanos = timeLimit.toNanos();
    }

    /** The account wrote the aggregate; its next read of the read models must show it. */
    public void wrote(AccountId account, Object aggregateId, ReadModel readModel, ReadModel... more) {
        int[] count = new int[1];
        unsettled.compute(account, (id, current) -> {
            Unsettled next = current == null ? new Unsettled() : current;
            count[0] = next.add(aggregateId.toString(), EnumSet.of(readModel, more));
            return next;
        });
        if (count[0] > MAX_PER_ACCOUNT) {
            settle(account);
        }
    }

    /** Waits until the account's noted writes are in their read models (or the wait's time limit passes). */
    public void settle(AccountId account) {
        Unsettled writes = unsettled.remove(account);
        if (writes != null) {
            gateways.awaitProjections(writes.aggregates(), writes.readModels());
        }
    }

    /** Writes no read can still be waiting for: the read models have them, or a wait would have given up. */
    @Scheduled(fixedDelay = 30_000)
    void forgetOld() {
        forgetNotedBefore(System.nanoTime() - timeLimitNanos);
    }

    /** Forgets the accounts whose last noted write came before the {@link System#nanoTime} given. */
    void forgetNotedBefore(long nanos) {
        unsettled.values().removeIf(writes -> writes.lastNanos() - nanos < 0);
    }

    int accounts() {
        return unsettled.size();
    }

    /** One account's noted writes; changed only inside the map's compute, so never concurrently. */
    private static final class Unsettled {

        private final List<String> aggregates = new ArrayList<>();
        private final Set<ReadModel> readModels = EnumSet.noneOf(ReadModel.class);
        private volatile long lastNanos;

        /** @return how many writes are noted now */
        int add(String aggregate, Set<ReadModel> models) {
            aggregates.add(aggregate);
            readModels.addAll(models);
            lastNanos = System.nanoTime();
            return aggregates.size();
        }

        List<String> aggregates() {
            return aggregates;
        }

        Set<ReadModel> readModels() {
            return readModels;
        }

        long lastNanos() {
            return lastNanos;
        }
    }
}

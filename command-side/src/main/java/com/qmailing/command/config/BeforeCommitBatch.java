package com.qmailing.command.config;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Gathers what a follow-up handler would do once per event and does it once per transaction,
 * just before the commit: a purge batch of hundreds of emails then deletes their keys, lookup rows
 * and blobs in a few set-based statements and one folder flush instead of one round of each per email.
 * <p>
 * The work still happens inside the transaction (a failure rolls it back, as a failing handler
 * would), but after everything else in it, so nothing in the same transaction may rely on seeing it
 * done. Without a transaction (fixtures, plain calls) each item is handled at once.
 */
public final class BeforeCommitBatch<T> {

    private final Consumer<List<T>> flush;

    public BeforeCommitBatch(Consumer<List<T>> flush) {
        this.flush = flush;
    }

    public void add(T item) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            flush.accept(List.of(item));
            return;
        }
        @SuppressWarnings("unchecked")
        List<T> pending = (List<T>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(new Flush(pending));
        }
        pending.add(item);
    }

    private final class Flush implements TransactionSynchronization {

        private final List<T> pending;

        private Flush(List<T> pending) {
            this.pending = pending;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            flush.accept(List.copyOf(pending));
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(BeforeCommitBatch.this);
        }
    }
}

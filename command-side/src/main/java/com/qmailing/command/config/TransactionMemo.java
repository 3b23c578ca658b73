package com.qmailing.command.config;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A lookup answered once per key and transaction: an event processor's batch, or a group of
 * commands, asks the same question for each of its messages (say, "has this account a webhook
 * for received mail?") and gets the answer of the first. Without a transaction every call looks up.
 * <p>
 * Only for lookups whose answer may be as old as the transaction's first asking: the events of a
 * batch were all committed before it began, so an answer from its start is as good as a newer one.
 */
public final class TransactionMemo<K, V> {

    private final Function<K, V> lookup;

    public TransactionMemo(Function<K, V> lookup) {
        this.lookup = lookup;
    }

    public V get(K key) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return lookup.apply(key);
        }
        @SuppressWarnings("unchecked")
        Map<K, V> answers = (Map<K, V>) TransactionSynchronizationManager.getResource(this);
        if (answers == null) {
            answers = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, answers);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TransactionMemo.this);
                }
            });
        }
        V known = answers.get(key);
        if (known == null) {
            known = lookup.apply(key);
            answers.put(key, known);
        }
        return known;
    }
}

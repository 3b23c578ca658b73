package com.qmailing.command.config;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How event processors commit. Every processor transaction starts with an asynchronous commit
 * ({@link CommitDurability}): most of them only move a processor's token past events it ignores
 * (eleven processors, one such commit each per event), and a lost token move just replays events
 * the processor ignores again. A processor that handles an event with a side effect outside its
 * own tables (a saga, a policy: commands, mail, webhooks) makes that transaction durable again, so
 * a crash cannot make it repeat what it already did. Projections stay asynchronous throughout:
 * their rows and their token commit together, so a lost commit is replayed from the event store.
 * <p>
 * A subscribing processor runs in the transaction of the command that published the event; that
 * transaction is left as it is (durable), and costs no {@code SET LOCAL} round trips.
 */
final class ProcessorTransactions {

    /** The processing groups that are rebuildable projections (query side, ADR 3). */
    static final String PROJECTION_PREFIX = "projection.";

    /** Bound to the thread while its processor transaction is relaxed and not yet made durable again. */
    private static final Object RELAXED = new Object();

    private ProcessorTransactions() {
    }

    static TransactionManager relaxedByDefault(TransactionManager transactions, JdbcTemplate jdbc) {
        return new TransactionManager() {
            @Override
            public Transaction startTransaction() {
                // A subscribing processor (LookupTables.FOLLOW_UPS) joins the command's own transaction,
                // whose commit is the 201 or 250 a client waits for: that one is never relaxed.
                boolean joins = TransactionSynchronizationManager.isActualTransactionActive();
                Transaction transaction = transactions.startTransaction();
                // Without synchronization nothing could remember to make it durable again: left as it is.
                if (!joins && TransactionSynchronizationManager.isSynchronizationActive()) {
                    CommitDurability.relaxed(jdbc);
                    markRelaxed();
                }
                return transaction;
            }
        };
    }

    /**
     * For every processor but the projections: handling an event makes the transaction durable,
     * once per transaction, and only one this class relaxed.
     */
    static MessageHandlerInterceptor<EventMessage<?>> durableHandling(String processor, JdbcTemplate jdbc) {
        if (processor.startsWith(PROJECTION_PREFIX)) {
            return ProcessorTransactions::proceed;
        }
        return (unitOfWork, chain) -> {
            if (TransactionSynchronizationManager.hasResource(RELAXED)) {
                CommitDurability.durable(jdbc);
                TransactionSynchronizationManager.unbindResource(RELAXED);
            }
            return chain.proceed();
        };
    }

    /** Remembered until the transaction ends, so that handling makes it durable with one statement. */
    private static void markRelaxed() {
        TransactionSynchronizationManager.bindResource(RELAXED, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(RELAXED);
            }
        });
    }

    private static Object proceed(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        return chain.proceed();
    }
}

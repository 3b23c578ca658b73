package com.qmailing.command.config;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How event processors commit. Every processor transaction starts with an asynchronous commit
 * ({@link CommitDurability}): most of them only move a processor's token past events it ignores
 * (eleven processors, one such commit each per event), and a lost token move just replays events
 * the processor ignores again. A processor that handles an event with a side effect outside its
 * own tables (a saga, a policy: commands, mail, webhooks) makes that transaction durable again, so
 * a crash cannot make it repeat what it already did. Projections stay asynchronous throughout:
 * their rows and their token commit together, so a lost commit is replayed from the event store.
 */
final class ProcessorTransactions {

    /** The processing groups that are rebuildable projections (query side, ADR 3). */
    static final String PROJECTION_PREFIX = "projection.";

    private ProcessorTransactions() {
    }

    static TransactionManager relaxedByDefault(TransactionManager transactions, JdbcTemplate jdbc) {
        return new TransactionManager() {
            @Override
            public Transaction startTransaction() {
                Transaction transaction = transactions.startTransaction();
                CommitDurability.relaxed(jdbc);
                return transaction;
            }
        };
    }

    /**
     * For every processor but the projections and the lookup follow-ups (which run in the
     * command's transaction, durable already): handling an event makes the transaction durable.
     */
    static MessageHandlerInterceptor<EventMessage<?>> durableHandling(String processor, JdbcTemplate jdbc) {
        if (processor.startsWith(PROJECTION_PREFIX) || processor.equals(LookupTables.FOLLOW_UPS)) {
            return ProcessorTransactions::proceed;
        }
        return (unitOfWork, chain) -> {
            CommitDurability.durable(jdbc);
            return chain.proceed();
        };
    }

    private static Object proceed(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        return chain.proceed();
    }
}

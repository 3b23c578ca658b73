package com.qmailing.command.config;

import com.qmailing.testing.TestDatabase;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which processor transactions wait for the disk at commit, on a real PostgreSQL. */
class ProcessorTransactionsTest {

    private static DataSource dataSource;
    private static JdbcTemplate jdbc;
    private static TransactionManager transactions;

    @BeforeAll
    static void database() {
        dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), TestDatabase.freshDatabaseUrl());
        jdbc = new JdbcTemplate(dataSource);
        transactions = ProcessorTransactions.relaxedByDefault(
                new SpringTransactionManager(new DataSourceTransactionManager(dataSource)), jdbc);
    }

    @Test
    void aProcessorTransactionThatOnlyMovesATokenShouldNotWaitForTheDisk() {
        Transaction transaction = transactions.startTransaction();
        try {
            assertThat(synchronousCommit()).isEqualTo("off");
        } finally {
            transaction.rollback();
        }
    }

    @Test
    void aSagaHandlingAnEventShouldMakeItsTransactionDurable() throws Exception {
        assertThat(settingWhileHandling("MailboxDeletionSagaProcessor")).isEqualTo("on");
        assertThat(settingWhileHandling("webhook-dispatch")).isEqualTo("on");
    }

    @Test
    void aProjectionHandlingAnEventShouldStayAsynchronous() throws Exception {
        assertThat(settingWhileHandling("projection.mailboxes")).isEqualTo("off");
    }

    @Test
    void aSubscribingProcessorShouldLeaveTheCommandsTransactionDurable() throws Exception {
        TransactionTemplate command = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        String[] seen = new String[2];
        command.executeWithoutResult(status -> {
            Transaction joined = transactions.startTransaction();
            seen[0] = synchronousCommit();
            try {
                seen[1] = handle("command-lookups");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                joined.commit();
            }
        });
        assertThat(seen).containsExactly("on", "on");
    }

    @Test
    void aSagaTransactionShouldStayDurableForTheRestOfItsBatch() throws Exception {
        Transaction transaction = transactions.startTransaction();
        try {
            assertThat(handle("DeliverySagaProcessor")).isEqualTo("on");
            jdbc.execute("set local synchronous_commit = off");
            // Made durable once: the second event of the batch sends no second SET LOCAL.
            assertThat(handle("DeliverySagaProcessor")).isEqualTo("off");
        } finally {
            transaction.rollback();
        }
        assertThat(settingWhileHandling("DeliverySagaProcessor")).isEqualTo("on");
    }

    @Test
    void theRelaxedSettingShouldEndWithItsTransaction() {
        Transaction transaction = transactions.startTransaction();
        transaction.commit();
        assertThat(synchronousCommit()).isEqualTo("on");
    }

    private static String handle(String processor) throws Exception {
        EventMessage<?> event = GenericEventMessage.asEventMessage("an event");
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        try {
            return (String) ProcessorTransactions.durableHandling(processor, jdbc)
                    .handle(unitOfWork, ProcessorTransactionsTest::synchronousCommit);
        } finally {
            unitOfWork.rollback();
        }
    }

    private static String settingWhileHandling(String processor) throws Exception {
        Transaction transaction = transactions.startTransaction();
        try {
            return handle(processor);
        } finally {
            transaction.rollback();
        }
    }

    private static String synchronousCommit() {
        return jdbc.queryForObject("show synchronous_commit", String.class);
    }
}

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

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which processor transactions wait for the disk at commit, on a real PostgreSQL. */
class ProcessorTransactionsTest {

    private static JdbcTemplate jdbc;
    private static TransactionManager transactions;

    @BeforeAll
    static void database() {
        DataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), TestDatabase.freshDatabaseUrl());
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
    void theRelaxedSettingShouldEndWithItsTransaction() {
        Transaction transaction = transactions.startTransaction();
        transaction.commit();
        assertThat(synchronousCommit()).isEqualTo("on");
    }

    private static String settingWhileHandling(String processor) throws Exception {
        Transaction transaction = transactions.startTransaction();
        EventMessage<?> event = GenericEventMessage.asEventMessage("an event");
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        try {
            return (String) ProcessorTransactions.durableHandling(processor, jdbc)
                    .handle(unitOfWork, ProcessorTransactionsTest::synchronousCommit);
        } finally {
            unitOfWork.rollback();
            transaction.rollback();
        }
    }

    private static String synchronousCommit() {
        return jdbc.queryForObject("show synchronous_commit", String.class);
    }
}

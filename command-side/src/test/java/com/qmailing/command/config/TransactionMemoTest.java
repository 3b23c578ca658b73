package com.qmailing.command.config;

import com.qmailing.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a transaction-scoped lookup answers, over a real PostgreSQL table that changes underneath it. */
class TransactionMemoTest {

    private static JdbcTemplate jdbc;
    private static TransactionTemplate transaction;

    @BeforeAll
    static void database() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(),
                TestDatabase.freshDatabaseUrl());
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table subscribers (account text, endpoint text)");
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    private static TransactionMemo<String, List<String>> endpointsOf() {
        return new TransactionMemo<>(account -> jdbc.queryForList(
                "select endpoint from subscribers where account = ? order by endpoint", String.class, account));
    }

    @Test
    void aTransactionShouldKeepItsFirstAnswerPerKeyAndTheNextOneShouldLookAgain() {
        TransactionMemo<String, List<String>> memo = endpointsOf();
        List<List<String>> seen = new ArrayList<>();
        transaction.executeWithoutResult(status -> {
            seen.add(memo.get("a"));
            // Committed by someone else while this transaction runs.
            new JdbcTemplate(jdbc.getDataSource()).update("insert into subscribers values ('a', 'hook-1')");
            seen.add(memo.get("a"));
            seen.add(memo.get("b"));
        });
        transaction.executeWithoutResult(status -> seen.add(memo.get("a")));

        assertThat(seen).containsExactly(List.of(), List.of(), List.of(), List.of("hook-1"));
    }

    @Test
    void withoutATransactionEveryCallShouldLookUp() {
        TransactionMemo<String, List<String>> memo = endpointsOf();
        assertThat(memo.get("c")).isEmpty();
        jdbc.update("insert into subscribers values ('c', 'hook-2')");
        assertThat(memo.get("c")).containsExactly("hook-2");
    }
}

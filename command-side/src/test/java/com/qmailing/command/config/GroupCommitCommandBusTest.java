package com.qmailing.command.config;

import com.qmailing.testing.TestDatabase;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Group commit on a real PostgreSQL: which transaction each command's work lands in, and what each sender hears. */
class GroupCommitCommandBusTest {

    private static final int LATER = 5;

    private JdbcTemplate jdbc;
    private TransactionManager transactions;
    private final Map<String, Long> transactionOf = new ConcurrentHashMap<>();
    private final Map<String, Thread> preparedOn = new ConcurrentHashMap<>();
    private final Map<String, Boolean> released = new ConcurrentHashMap<>();
    private final AtomicInteger prepared = new AtomicInteger();
    private final CountDownLatch laterQueued = new CountDownLatch(1);
    private GroupCommitCommandBus bus;

    /** Inserts its row; the command named "first" holds its lane until the later ones are queued behind it. */
    record Write(String id) {
    }

    @BeforeEach
    void bus() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(),
                TestDatabase.freshDatabaseUrl());
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table written (id text, constraint one_each unique (id) deferrable initially deferred)");
        transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        GroupedCommand<Write> grouped = new GroupedCommand<>() {
            @Override
            public Class<Write> commandType() {
                return Write.class;
            }

            @Override
            public void prepare(Write command) {
                preparedOn.put(command.id(), Thread.currentThread());
                if (prepared.incrementAndGet() == LATER + 1) {
                    laterQueued.countDown();
                }
            }

            @Override
            public void release(Write command, boolean committed) {
                released.put(command.id(), committed);
            }
        };
        bus = new GroupCommitCommandBus(SimpleCommandBus.builder(), transactions,
                () -> Map.of(Write.class, grouped), 1, 32);
        bus.subscribe(Write.class.getName(), message -> {
            String id = ((Write) message.getPayload()).id();
            if (id.startsWith("first")) {
                // Queued commands are prepared before they wait: all of them are queued once prepared, or nearly.
                assertThat(laterQueued.await(10, TimeUnit.SECONDS)).isTrue();
                Thread.sleep(200);
            }
            if (id.startsWith("failing")) {
                throw new IllegalArgumentException("refused " + id);
            }
            jdbc.update("insert into written (id) values (?)", id.replace("-again", ""));
            transactionOf.put(id, jdbc.queryForObject("select txid_current()", Long.class));
            return "done " + id;
        });
    }

    @Test
    void commandsQueuedBehindABusyLaneShouldShareOneTransactionAndEachHearItsOwnResult() throws Exception {
        List<String> later = IntStream.range(0, LATER).mapToObj(i -> "later-" + i).toList();
        Map<String, CommandResultMessage<?>> results = sendTogether(later);

        assertThat(results).allSatisfy((id, result) -> assertThat(result.getPayload()).isEqualTo("done " + id));
        assertThat(jdbc.queryForList("select id from written", String.class))
                .containsExactlyInAnyOrderElementsOf(results.keySet());
        assertThat(later.stream().map(transactionOf::get).distinct()).hasSize(1)
                .doesNotContain(transactionOf.get("first"));
        assertThat(preparedOn).allSatisfy((id, thread) -> assertThat(thread.getName()).isEqualTo("sender " + id));
        assertThat(released).containsOnlyKeys(results.keySet()).doesNotContainValue(false);
    }

    @Test
    void aCommandThatFailsShouldFailAloneWhileTheRestOfItsGroupIsStored() throws Exception {
        List<String> later = List.of("later-0", "later-1", "failing", "later-2", "later-3");
        Map<String, CommandResultMessage<?>> results = sendTogether(later);

        assertThat(results.get("failing").isExceptional()).isTrue();
        assertThat(results.get("failing").exceptionResult()).isInstanceOf(IllegalArgumentException.class);
        assertThat(jdbc.queryForList("select id from written", String.class))
                .containsExactlyInAnyOrder("first", "later-0", "later-1", "later-2", "later-3");
        assertThat(results).allSatisfy((id, result) -> assertThat(result.isExceptional()).isEqualTo(id.equals("failing")));
        // What the failing command prepared is referenced by nothing; the others' is.
        assertThat(released).containsOnlyKeys(results.keySet())
                .allSatisfy((id, committed) -> assertThat(committed).isEqualTo(!id.equals("failing")));
    }

    @Test
    void aGroupWhoseCommitFailsShouldBeHandledAgainCommandByCommand() throws Exception {
        // The deferred unique constraint fails only at the group's commit, with every handler done.
        List<String> later = List.of("later-0", "later-1", "later-2", "later-1-again", "later-3");
        Map<String, CommandResultMessage<?>> results = sendTogether(later);

        assertThat(results.get("later-1-again").isExceptional()).isTrue();
        assertThat(results).allSatisfy((id, result) ->
                assertThat(result.isExceptional()).isEqualTo(id.equals("later-1-again")));
        assertThat(jdbc.queryForList("select id from written", String.class))
                .containsExactlyInAnyOrder("first", "later-0", "later-1", "later-2", "later-3");
        assertThat(released).containsEntry("later-1-again", false).containsEntry("later-1", true);
        // Handled again on their own: one transaction each.
        assertThat(later.stream().filter(id -> !id.endsWith("again")).map(transactionOf::get).distinct()).hasSize(4);
    }

    @Test
    void aCommandSentFromInsideAUnitOfWorkShouldJoinItsTransactionAndNotWaitForAGroup() throws Exception {
        UnitOfWork<?> outer = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("outer"));
        outer.attachTransaction(transactions);
        long outerTransaction = jdbc.queryForObject("select txid_current()", Long.class);
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        bus.dispatch(GenericCommandMessage.asCommandMessage(new Write("inner")), callback);
        assertThat(callback.getResult(5, TimeUnit.SECONDS).getPayload()).isEqualTo("done inner");
        outer.commit();

        assertThat(transactionOf.get("inner")).isEqualTo(outerTransaction);
        assertThat(preparedOn).isEmpty();
        assertThat(jdbc.queryForList("select id from written", String.class)).containsExactly("inner");
    }

    @Test
    void aLoneCommandShouldBeHandledAtOnceOnItsSendersThread() throws Exception {
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        bus.dispatch(GenericCommandMessage.asCommandMessage(new Write("alone")), callback);

        assertThat(callback.getResult(5, TimeUnit.SECONDS).getPayload()).isEqualTo("done alone");
        assertThat(preparedOn.get("alone")).isSameAs(Thread.currentThread());
        assertThat(released).containsExactly(Map.entry("alone", true));
    }

    /** Sends "first", then the others in order from threads of their own while "first" holds the only lane. */
    private Map<String, CommandResultMessage<?>> sendTogether(List<String> later) throws Exception {
        List<String> all = new ArrayList<>(later);
        all.add(0, "first");
        ExecutorService senders = Executors.newFixedThreadPool(all.size());
        try {
            Map<String, Future<CommandResultMessage<?>>> sent = new java.util.LinkedHashMap<>();
            for (String id : all) {
                sent.put(id, senders.submit(() -> {
                    Thread.currentThread().setName("sender " + id);
                    FutureCallback<Object, Object> callback = new FutureCallback<>();
                    CommandMessage<Write> command = GenericCommandMessage.asCommandMessage(new Write(id));
                    bus.dispatch(command, callback);
                    return callback.getResult(20, TimeUnit.SECONDS);
                }));
                // One at a time, so that they queue in the list's order; "first" takes the lane before any other is sent.
                int sentSoFar = sent.size();
                while (prepared.get() < sentSoFar) {
                    Thread.onSpinWait();
                }
                Thread.sleep(id.equals("first") ? 50 : 20);
            }
            Map<String, CommandResultMessage<?>> results = new java.util.LinkedHashMap<>();
            for (var entry : sent.entrySet()) {
                results.put(entry.getKey(), entry.getValue().get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            senders.shutdownNow();
        }
    }
}

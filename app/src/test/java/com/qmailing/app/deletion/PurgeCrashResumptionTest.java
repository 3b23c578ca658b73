package com.qmailing.app.deletion;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.kagkarlsson.scheduler.event.ExecutionChain;
import com.github.kagkarlsson.scheduler.event.ExecutionInterceptor;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.qmailing.app.QMailingApplication;
import com.qmailing.app.support.Api;
import com.qmailing.app.support.IntegrationTest;
import com.qmailing.app.support.SmtpClient;
import com.qmailing.gateway.smtp.SmtpListener;
import com.qmailing.testing.TestDatabase;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerHumanReadableDeadlineDetails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static com.qmailing.app.support.Mailing.awaitEmails;
import static com.qmailing.app.support.Mailing.createMailbox;
import static com.qmailing.app.support.Mailing.deliver;
import static com.qmailing.app.support.Mailing.uniqueLocalPart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A mailbox purge runs in batches, each committing on its own, and the node running it may die
 * between any two: here the first node purges two batches and then hangs before the third (its
 * deadline execution stays picked, as after a kill -9), and is shut down. A second node on the same
 * database and data folder finds the dead execution, and the purge carries on from the last committed
 * batch until nothing of the mailbox is left: no email rows, no blobs, no keys.
 */
class PurgeCrashResumptionTest {

    private static final int EMAILS = 10;
    private static final int BATCH = 3;
    private static final int BATCHES_BEFORE_THE_CRASH = 2;

    @TempDir
    Path dataDir;
    private final String databaseUrl = TestDatabase.freshDatabaseUrl();
    private final CountDownLatch hung = new CountDownLatch(1);
    /** Never released: the first node's third batch never starts, as if its process were gone. */
    private final CountDownLatch never = new CountDownLatch(1);
    private ConfigurableApplicationContext node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aMailboxPurgeCutOffBetweenBatchesIsFinishedByTheNextNodeWithNothingLeft() throws Exception {
        node = start(new HangAfterBatches(BATCHES_BEFORE_THE_CRASH));
        Api.Client owner = api(node).as(IntegrationTest.ADMIN_TOKEN).newAccount("PRO");
        JsonNode mailbox = createMailbox(owner, uniqueLocalPart("crash"));
        String mailboxId = mailbox.get("id").asText();
        for (int i = 0; i < EMAILS; i++) {
            deliver(smtp(node), mailbox.get("address").asText(), "Message " + i, "body " + i);
        }
        awaitEmails(owner, mailboxId, "INBOX", EMAILS);
        JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
        List<UUID> emails = jdbc.queryForList("select aggregate_id from account_aggregates where mailbox_id = ?",
                UUID.class, UUID.fromString(mailboxId));
        assertThat(emails).hasSize(EMAILS);
        assertThat(keys(jdbc, emails)).isEqualTo(EMAILS);
        Path blobs = dataDir.resolve("blobs").resolve(owner.accountId());
        assertThat(files(blobs)).isEqualTo(EMAILS);

        owner.delete("/api/v1/pub/mailboxes/" + mailboxId).expect(202);
        assertThat(hung.await(60, TimeUnit.SECONDS)).as("the purge reached its third batch").isTrue();
        node.close();
        node = null;

        JdbcTemplate afterCrash = new JdbcTemplate(new DriverManagerDataSource(databaseUrl));
        int purgedBeforeTheCrash = BATCHES_BEFORE_THE_CRASH * BATCH;
        assertThat(purged(afterCrash, emails)).isEqualTo(purgedBeforeTheCrash);
        assertThat(keys(afterCrash, emails)).isEqualTo(EMAILS - purgedBeforeTheCrash);
        assertThat(files(blobs)).isEqualTo(EMAILS - purgedBeforeTheCrash);
        assertThat(mailboxPurgedEvents(afterCrash, mailboxId)).as("not until every email is gone").isZero();

        node = start(null);
        JdbcTemplate jdbcAgain = node.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> mailboxPurgedEvents(jdbcAgain, mailboxId) == 1);

        assertThat(purged(jdbcAgain, emails)).isEqualTo(EMAILS);
        assertThat(keys(jdbcAgain, emails)).isZero();
        assertThat(jdbcAgain.queryForObject("select count(*) from data_keys where scope_id = ?", Long.class,
                UUID.fromString(mailboxId))).isZero();
        assertThat(files(blobs)).isZero();
        assertThat(jdbcAgain.queryForObject("select count(*) from domain_event_entry where payload_type like "
                + "'%.EmailPurgedEvent' and aggregate_identifier in (select cast(aggregate_id as text) from "
                + "account_aggregates where mailbox_id = ?)", Long.class, UUID.fromString(mailboxId)))
                .as("each email purged once, none twice across the crash").isEqualTo(EMAILS);
        Api.Client ownerAgain = api(node).as(owner.token());
        await().atMost(Duration.ofSeconds(30)).until(
                () -> ownerAgain.get("/api/v1/pub/mailboxes/" + mailboxId).status() == 404);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbcAgain.queryForObject(
                "select count(*) from email_view where mailbox_id = ?", Long.class, UUID.fromString(mailboxId)) == 0);
    }

    private ConfigurableApplicationContext start(ExecutionInterceptor interceptor) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", 0);
        properties.put("qmailing.smtp.port", freePort());
        properties.put("qmailing.db.url", databaseUrl);
        properties.put("qmailing.db.pool-size", 8);
        properties.put("qmailing.data-dir", dataDir.toString());
        properties.put("qmailing.bootstrap-token", IntegrationTest.BOOTSTRAP_TOKEN);
        properties.put("qmailing.admin-token", IntegrationTest.ADMIN_TOKEN);
        properties.put("qmailing.retention-period", "PT2S");
        properties.put("qmailing.purge-batch-size", BATCH);
        // A dead node's executions are taken over after a few missed heartbeats: seconds here.
        properties.put("db-scheduler.heartbeat-interval", "1s");
        properties.put("db-scheduler.missed-heartbeats-limit", 4);
        properties.put("db-scheduler.shutdown-max-wait", "1s");
        SpringApplicationBuilder builder = new SpringApplicationBuilder(QMailingApplication.class);
        if (interceptor != null) {
            builder.initializers(context -> context.getBeanFactory().registerSingleton("hang", interceptor));
        }
        // As command-line arguments: they outrank application.yml, as the environment does in production.
        return builder.run(properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new));
    }

    private static Api api(ConfigurableApplicationContext node) {
        return new Api("http://localhost:" + node.getEnvironment().getProperty("local.server.port"));
    }

    private static SmtpClient smtp(ConfigurableApplicationContext node) {
        SmtpClient client = new SmtpClient(node.getBean(SmtpListener.class).port());
        client.ehlo();
        return client;
    }

    private static long keys(JdbcTemplate jdbc, List<UUID> scopes) {
        return jdbc.queryForObject("select count(*) from data_keys where scope_id = any(?)", Long.class,
                (Object) scopes.toArray(UUID[]::new));
    }

    private static long purged(JdbcTemplate jdbc, List<UUID> emails) {
        return jdbc.queryForObject("select count(*) from account_aggregates where purged and aggregate_id = any(?)",
                Long.class, (Object) emails.toArray(UUID[]::new));
    }

    private static long mailboxPurgedEvents(JdbcTemplate jdbc, String mailboxId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%.MailboxPurgedEvent'", Long.class, mailboxId);
    }

    private static long files(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lets the first purge deadline runs through, then holds the next one for good before it starts. */
    private final class HangAfterBatches implements ExecutionInterceptor {

        private final int allowed;
        private final AtomicInteger runs = new AtomicInteger();

        private HangAfterBatches(int allowed) {
            this.allowed = allowed;
        }

        @Override
        public CompletionHandler<?> execute(TaskInstance<?> instance, ExecutionContext context, ExecutionChain chain) {
            if (isPurge(instance.getData()) && runs.incrementAndGet() > allowed) {
                hung.countDown();
                awaitUninterruptibly(never);
            }
            return chain.proceed(instance, context);
        }

        private static boolean isPurge(Object data) {
            if (data instanceof DbSchedulerBinaryDeadlineDetails binary) {
                return "purge".equals(binary.getD());
            }
            return data instanceof DbSchedulerHumanReadableDeadlineDetails readable
                    && "purge".equals(readable.getDeadlineName());
        }

        private static void awaitUninterruptibly(CountDownLatch latch) {
            while (true) {
                try {
                    latch.await();
                    return;
                } catch (InterruptedException e) {
                    // A killed process does not wind down either: the execution must stay picked.
                }
            }
        }
    }
}

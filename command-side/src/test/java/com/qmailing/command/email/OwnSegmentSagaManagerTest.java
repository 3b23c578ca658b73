package com.qmailing.command.email;

import com.qmailing.command.config.AxonStorageConfiguration;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.email.EmailDeliveredEvent;
import com.qmailing.events.mailbox.MailboxCreatedEvent;
import com.qmailing.testing.TestDatabase;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.modelling.saga.AnnotatedSagaManager;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.repository.AnnotatedSagaRepository;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which of the delivery processor's four segments an email's events reach, on a real saga store. */
class OwnSegmentSagaManagerTest {

    private static final Segment[] SEGMENTS = Segment.computeSegments(0, 1, 2, 3);
    private static final AccountId ACCOUNT = AccountId.parse("5b0c6a8e-3f1d-4c2a-9e7b-1d2f3a4b5c6d");
    private static final MailboxId MAILBOX = MailboxId.parse("3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a");

    private JdbcTemplate jdbc;
    private JdbcSagaStore store;

    @BeforeEach
    void database() {
        DataSource dataSource = TestDatabase.migrated();
        jdbc = new JdbcTemplate(dataSource);
        AxonStorageConfiguration storage = new AxonStorageConfiguration();
        store = JdbcSagaStore.builder().dataSource(dataSource).sqlSchema(storage.sagaSqlSchema())
                .serializer(storage.serializer()).build();
    }

    @Test
    void anEmailsEventShouldReachOnlyTheSegmentOfItsAssociation() {
        OwnSegmentSagaManager<DeliverySaga> manager = manager();
        EmailId email = EmailId.random();

        List<Segment> reached = reachedBy(manager, delivered(email));

        assertThat(reached).containsExactly(segmentOf(new AssociationValue("emailId", email.toString())));
    }

    @Test
    void aSagaStartedUnderOtherSegmentsShouldStillGetItsEvents() {
        EmailId email = EmailId.random();
        AssociationValue association = new AssociationValue("emailId", email.toString());
        // As a processor with one segment started it: an identifier in any segment, here not the association's.
        String sagaId = identifierOutside(segmentOf(association));
        store.insertSaga(DeliverySaga.class, sagaId, new DeliverySaga(), Set.of(association));

        List<Segment> reached = reachedBy(manager(), delivered(email));

        assertThat(reached).containsExactlyInAnyOrder(segmentOf(association), segmentOf(sagaId));
    }

    @Test
    void anEventTheSagaDoesNotHandleShouldReachNoSegment() {
        EventMessage<?> other = GenericEventMessage.asEventMessage(new MailboxCreatedEvent(MAILBOX, ACCOUNT,
                EmailAddress.parse("someone@qmailing.local"), "Someone", null, false, Instant.now()));

        assertThat(reachedBy(manager(), other)).isEmpty();
    }

    @Test
    void theStoredSagasShouldBeReadOnceForAllSegments() {
        OwnSegmentSagaManager<DeliverySaga> manager = manager();
        reachedBy(manager, delivered(EmailId.random()));
        EmailId later = EmailId.random();
        AssociationValue association = new AssociationValue("emailId", later.toString());
        jdbc.execute("alter table association_value_entry rename to association_value_entry_away");
        try {
            assertThat(reachedBy(manager, delivered(later))).containsExactly(segmentOf(association));
        } finally {
            jdbc.execute("alter table association_value_entry_away rename to association_value_entry");
        }
    }

    private OwnSegmentSagaManager<DeliverySaga> manager() {
        AnnotatedSagaRepository<DeliverySaga> repository = AnnotatedSagaRepository.<DeliverySaga>builder()
                .sagaType(DeliverySaga.class).sagaStore(store).build();
        return new OwnSegmentSagaManager<>(AnnotatedSagaManager.<DeliverySaga>builder()
                .sagaType(DeliverySaga.class).sagaRepository(repository), jdbc, DeliverySaga.class.getName());
    }

    private static List<Segment> reachedBy(OwnSegmentSagaManager<DeliverySaga> manager, EventMessage<?> event) {
        return Arrays.stream(SEGMENTS).filter(segment -> manager.canHandle(event, segment)).toList();
    }

    private static EventMessage<?> delivered(EmailId email) {
        return GenericEventMessage.asEventMessage(new EmailDeliveredEvent(email, ACCOUNT, MAILBOX,
                List.of(EmailAddress.parse("bob@example.org")), 1, Instant.now()));
    }

    private static Segment segmentOf(Object value) {
        return Arrays.stream(SEGMENTS).filter(segment -> segment.matches(value)).findFirst().orElseThrow();
    }

    private static String identifierOutside(Segment segment) {
        String id;
        do {
            id = IdentifierFactory.getInstance().generateIdentifier();
        } while (segment.matches(id));
        return id;
    }
}

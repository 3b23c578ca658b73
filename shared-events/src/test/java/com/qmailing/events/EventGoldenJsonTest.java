package com.qmailing.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.qmailing.events.account.AccountCreatedEvent;
import com.qmailing.events.account.AccountDeletionCancelledEvent;
import com.qmailing.events.account.AccountDeletionRequestedEvent;
import com.qmailing.events.account.AccountPlanChangedEvent;
import com.qmailing.events.account.AccountPurgedEvent;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.ApiTokenId;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.common.Plan;
import com.qmailing.events.common.Scope;
import com.qmailing.events.common.WebhookEndpointId;
import com.qmailing.events.email.AttachmentSummary;
import com.qmailing.events.email.EmailBouncedEvent;
import com.qmailing.events.email.EmailDeliveredEvent;
import com.qmailing.events.email.EmailDeliveryDeferredEvent;
import com.qmailing.events.email.EmailDeliveryRetriedEvent;
import com.qmailing.events.email.EmailFlagsChangedEvent;
import com.qmailing.events.email.EmailForwardQueuedEvent;
import com.qmailing.events.email.EmailSentEvent;
import com.qmailing.events.email.EmailHeaders;
import com.qmailing.events.email.EmailMovedEvent;
import com.qmailing.events.email.EmailPurgedEvent;
import com.qmailing.events.email.EmailReceivedEvent;
import com.qmailing.events.email.EmailRestoredEvent;
import com.qmailing.events.email.EmailTrashedEvent;
import com.qmailing.events.email.Folder;
import com.qmailing.events.email.MutedSender;
import com.qmailing.events.email.SenderMutedEvent;
import com.qmailing.events.email.SenderUnmutedEvent;
import com.qmailing.events.mailbox.MailboxCreatedEvent;
import com.qmailing.events.mailbox.MailboxDeletedEvent;
import com.qmailing.events.mailbox.MailboxPurgeStartedEvent;
import com.qmailing.events.mailbox.MailboxPurgedEvent;
import com.qmailing.events.mailbox.MailboxRestoredEvent;
import com.qmailing.events.mailbox.MailboxSettingsChangedEvent;
import com.qmailing.events.token.ApiTokenIssuedEvent;
import com.qmailing.events.token.ApiTokenRevokedEvent;
import com.qmailing.events.webhook.WebhookDeliveryFailedEvent;
import com.qmailing.events.webhook.WebhookDeliveryRequestedEvent;
import com.qmailing.events.webhook.WebhookDeliverySucceededEvent;
import com.qmailing.events.webhook.WebhookEndpointDisabledEvent;
import com.qmailing.events.webhook.WebhookEndpointRegisteredEvent;
import com.qmailing.events.webhook.WebhookEndpointRevokedEvent;
import com.qmailing.events.webhook.WebhookEventType;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Pins the stored form of every event revision. Events live in the event store for ever: a
 * reshaped event must fail here, and then gets a new {@link Revision}, an upcaster and a new
 * golden file next to the old one, which stays.
 * <p>
 * The golden files are written by hand, never by this test.
 */
class EventGoldenJsonTest {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private static final AccountId ACCOUNT = AccountId.parse("5b0c6a8e-3f1d-4c2a-9e7b-1d2f3a4b5c6d");
    private static final MailboxId MAILBOX = MailboxId.parse("3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a");
    private static final ApiTokenId TOKEN = ApiTokenId.parse("9f8e7d6c-5b4a-4321-8fed-cba987654321");
    private static final EmailId EMAIL = EmailId.parse("0e1d2c3b-4a59-4687-b6a5-c4d3e2f1a0b9");
    private static final WebhookEndpointId ENDPOINT = WebhookEndpointId.parse("6d5c4b3a-2f1e-4d0c-9b8a-7f6e5d4c3b2a");
    private static final UUID DELIVERY = UUID.fromString("1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9");

    /** One sample per event, every field set so that every field is pinned. */
    static List<Object> samples() {
        return List.of(
                new AccountCreatedEvent(ACCOUNT, EmailAddress.parse("Olive.Owner@Example.COM"), "Olive Owner",
                        Plan.PRO, Instant.parse("2026-11-20T08:00:00Z")),
                new AccountPlanChangedEvent(ACCOUNT, Plan.FREE, Plan.PRO_PLUS, Instant.parse("2026-11-21T09:30:00Z")),
                new MailboxCreatedEvent(MAILBOX, ACCOUNT, EmailAddress.parse("alice@qmailing.local"), "Alice",
                        EmailAddress.parse("alice.private@example.org"), true, Instant.parse("2026-11-22T10:00:00Z")),
                new MailboxSettingsChangedEvent(MAILBOX, ACCOUNT, "Alice Liddell",
                        EmailAddress.parse("alice+inbox@example.org"), false, Instant.parse("2026-11-22T11:00:00Z")),
                // An EnumSet, as Scope.parseAll makes: its order, and so the array's, is the declaration order.
                new ApiTokenIssuedEvent(TOKEN, ACCOUNT, "CI pipeline",
                        EnumSet.of(Scope.MAILBOXES_READ, Scope.EMAIL_SEND, Scope.WEBHOOKS_WRITE), "qm_live_abcd",
                        Instant.parse("2027-02-20T00:00:00Z"), Instant.parse("2026-11-22T12:00:00Z")),
                new ApiTokenRevokedEvent(TOKEN, ACCOUNT, Instant.parse("2026-11-23T10:15:30.123Z")),
                new EmailReceivedEvent(EMAIL, ACCOUNT, MAILBOX, Folder.INBOX,
                        UUID.fromString("7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d"), 4096,
                        new EmailHeaders("bob@example.org", "Bob", List.of("alice@qmailing.local"),
                                List.of("carol@example.org"), List.of(), "Tea at four?", "Shall we meet at four?",
                                "<m2@example.org>", "<m1@qmailing.local>", List.of("<m1@qmailing.local>"),
                                Instant.parse("2026-11-23T11:59:58Z"),
                                List.of(new AttachmentSummary(0, "menu.pdf", "application/pdf", 2048))),
                        Instant.parse("2026-11-23T12:00:00Z")),
                new EmailFlagsChangedEvent(EMAIL, ACCOUNT, MAILBOX, true, false, Instant.parse("2026-11-23T12:01:00Z")),
                new EmailMovedEvent(EMAIL, ACCOUNT, MAILBOX, Folder.INBOX, Folder.SPAM,
                        Instant.parse("2026-11-23T12:02:00Z")),
                new EmailTrashedEvent(EMAIL, ACCOUNT, MAILBOX, Folder.SPAM, Instant.parse("2026-11-23T12:03:00Z"),
                        Instant.parse("2026-12-23T12:03:00Z")),
                new EmailRestoredEvent(EMAIL, ACCOUNT, MAILBOX, Folder.SPAM, Instant.parse("2026-11-24T08:00:00Z")),
                new SenderMutedEvent(ACCOUNT, MutedSender.parse("News@Shop.Example"),
                        Instant.parse("2026-11-24T09:00:00Z")),
                new SenderUnmutedEvent(ACCOUNT, MutedSender.parse("shop.example"),
                        Instant.parse("2026-11-24T10:00:00Z")),
                new EmailSentEvent(EMAIL, ACCOUNT, MAILBOX, UUID.fromString("7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d"),
                        2048, new EmailHeaders("alice@qmailing.local", "Alice", List.of("bob@example.org"), List.of(),
                                List.of("eve@example.org"), "Re: Tea at four?", "Yes!", "<m3@qmailing.local>",
                                "<m2@example.org>", List.of("<m1@qmailing.local>", "<m2@example.org>"),
                                Instant.parse("2026-11-23T12:05:00Z"), List.of()),
                        List.of(EmailAddress.parse("bob@example.org"), EmailAddress.parse("eve@example.org")),
                        Instant.parse("2026-11-23T12:05:00Z")),
                new EmailForwardQueuedEvent(EMAIL, ACCOUNT, MAILBOX, 2100, new EmailHeaders("carol@example.org",
                        "Carol", List.of("alice@qmailing.local"), List.of(), List.of(), "Tea at four?", "Shall we?",
                        "<m1@example.org>", "<m0@example.org>", List.of("<m0@example.org>"),
                        Instant.parse("2026-11-23T11:59:00Z"), List.of()),
                        List.of(EmailAddress.parse("alice@example.net")), false,
                        Instant.parse("2026-11-23T12:00:00Z")),
                new EmailDeliveredEvent(EMAIL, ACCOUNT, MAILBOX, List.of(EmailAddress.parse("bob@example.org")), 1,
                        Instant.parse("2026-11-23T12:05:01Z")),
                new EmailDeliveryDeferredEvent(EMAIL, ACCOUNT, MAILBOX, List.of(EmailAddress.parse("eve@example.org")),
                        1, "421 4.7.0 try again later", Instant.parse("2026-11-23T12:05:02Z")),
                new EmailDeliveryRetriedEvent(EMAIL, ACCOUNT, MAILBOX, List.of(EmailAddress.parse("eve@example.org")),
                        2, Instant.parse("2026-11-23T12:06:00Z")),
                new EmailBouncedEvent(EMAIL, ACCOUNT, MAILBOX, List.of(EmailAddress.parse("eve@example.org")), 2,
                        "550 5.1.1 no such user", Instant.parse("2026-11-23T12:06:00Z")),
                new WebhookEndpointRegisteredEvent(ENDPOINT, ACCOUNT, "https://hooks.example.org/qmailing?team=7",
                        "Support desk", EnumSet.of(WebhookEventType.EMAIL_RECEIVED, WebhookEventType.EMAIL_BOUNCED),
                        "whsec_Ab3d", Instant.parse("2026-11-25T08:00:00Z")),
                new WebhookDeliveryRequestedEvent(ENDPOINT, ACCOUNT, DELIVERY, WebhookEventType.EMAIL_RECEIVED,
                        Instant.parse("2026-11-25T09:00:00Z")),
                new WebhookDeliveryFailedEvent(ENDPOINT, ACCOUNT, DELIVERY, 1, 503, "HTTP 503",
                        Instant.parse("2026-11-25T09:00:01Z"), Instant.parse("2026-11-25T09:00:11Z")),
                new WebhookDeliverySucceededEvent(ENDPOINT, ACCOUNT, DELIVERY, 2, 204,
                        Instant.parse("2026-11-25T09:00:11.250Z")),
                new WebhookEndpointDisabledEvent(ENDPOINT, ACCOUNT, "every attempt failed for 31 h",
                        Instant.parse("2026-11-27T16:42:00Z")),
                new WebhookEndpointRevokedEvent(ENDPOINT, ACCOUNT, Instant.parse("2026-11-28T10:00:00Z")),
                new EmailPurgedEvent(EMAIL, ACCOUNT, MAILBOX, 4096, Instant.parse("2026-12-23T12:03:01Z")),
                new MailboxDeletedEvent(MAILBOX, ACCOUNT, Instant.parse("2026-11-25T08:00:00Z"),
                        Instant.parse("2026-12-25T08:00:00Z")),
                new MailboxRestoredEvent(MAILBOX, ACCOUNT, Instant.parse("2026-11-26T08:00:00Z")),
                new MailboxPurgeStartedEvent(MAILBOX, ACCOUNT, Instant.parse("2026-12-25T08:00:00.500Z")),
                new MailboxPurgedEvent(MAILBOX, ACCOUNT, Instant.parse("2026-12-25T08:00:01Z")),
                new AccountDeletionRequestedEvent(ACCOUNT, Instant.parse("2026-11-27T08:00:00Z"),
                        Instant.parse("2026-12-27T08:00:00Z")),
                new AccountDeletionCancelledEvent(ACCOUNT, Instant.parse("2026-11-28T08:00:00Z")),
                new AccountPurgedEvent(ACCOUNT, Instant.parse("2026-12-27T08:00:01Z")));
    }

    static Stream<Named<Object>> namedSamples() {
        return samples().stream().map(sample -> Named.of(goldenFile(sample.getClass()), sample));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedSamples")
    void serialisesToItsGoldenFile(Object sample) throws IOException {
        JsonNode actual = MAPPER.readTree(MAPPER.writeValueAsString(sample));

        assertThat(actual)
                .as("%s no longer serialises as %s; a reshaped event needs a new revision and an upcaster."
                        + "%nIt serialises as:%n%s", sample.getClass().getSimpleName(), goldenFile(sample.getClass()),
                        MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(sample))
                .isEqualTo(golden(sample.getClass()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedSamples")
    void readsItsGoldenFileBackAsTheSample(Object sample) throws IOException {
        assertThat(MAPPER.treeToValue(golden(sample.getClass()), sample.getClass())).isEqualTo(sample);
    }

    @Test
    void everyEventHasAGoldenSample() {
        List<String> events = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.qmailing.events").stream()
                .filter(javaClass -> javaClass.getSimpleName().endsWith("Event"))
                .map(JavaClass::getName)
                .toList();
        List<String> sampled = samples().stream().map(sample -> sample.getClass().getName()).toList();

        assertThat(events).isNotEmpty();
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(events);
    }

    private static String goldenFile(Class<?> event) {
        Revision revision = event.getAnnotation(Revision.class);
        assertThat(revision).as("@Revision on %s", event.getName()).isNotNull();
        return "golden/" + event.getSimpleName() + ".v" + revision.value() + ".json";
    }

    private static JsonNode golden(Class<?> event) throws IOException {
        String file = goldenFile(event);
        try (InputStream in = EventGoldenJsonTest.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                return fail("missing src/test/resources/%s: write it by hand from the serialised sample", file);
            }
            return MAPPER.readTree(in);
        }
    }
}

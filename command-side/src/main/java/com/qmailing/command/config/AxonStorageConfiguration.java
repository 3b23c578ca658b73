package com.qmailing.command.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.qmailing.command.crypto.FieldCipher;
import com.qmailing.command.crypto.KeyVault;
import com.qmailing.command.crypto.MasterKey;
import com.qmailing.command.crypto.PersonalDataCodec;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventTrackerStatusChangeListener;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;
import java.time.Duration;

/**
 * How Axon stores things: snake_case tables owned by Flyway, JSON payloads as bytea, personal
 * fields of events sealed by the key vault, and the processor defaults.
 */
@Configuration(proxyBeanMethods = false)
public class AxonStorageConfiguration {

    static final int EMAIL_CACHE_ENTRIES = 4_096;
    static final Duration EMAIL_CACHE_AGE = Duration.ofMinutes(1);

    /**
     * Tracking processors default to one event per transaction (~2k events/s on PostgreSQL); a
     * batch of 100 replays at 8–9k events/s and keeps projections within milliseconds under load.
     */
    static final int PROCESSOR_BATCH_SIZE = 100;

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public KeyVault keyVault(JdbcTemplate jdbc, MasterKey masterKey) {
        return new KeyVault(jdbc, masterKey);
    }

    @Bean
    public FieldCipher fieldCipher(KeyVault vault) {
        return new FieldCipher(vault);
    }

    /**
     * Emails are loaded again for every delivery outcome and flag change, mostly within seconds of
     * their last command. The most recent few thousand stay for a minute ({@link RecentAggregates});
     * a weak-reference cache lost them at the next young collection under load.
     */
    @Bean
    public Cache emailCache(Clock clock) {
        return new RecentAggregates(EMAIL_CACHE_ENTRIES, EMAIL_CACHE_AGE, clock);
    }

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    public SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema(SagaSchema.builder()
                .sagaEntryTable("saga_entry")
                .revisionColumn("revision")
                .serializedSagaColumn("serialized_saga")
                .associationValueEntryTable("association_value_entry")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .sagaIdColumn("saga_id")
                .sagaTypeColumn("saga_type")
                .build());
    }

    /** Tokens, sagas, deadlines and snapshots. */
    @Bean
    @Primary
    public Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(baseMapper()).lenientDeserialization().build();
    }

    /** Commands, queries and their results, as they travel between nodes. */
    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return JacksonSerializer.builder().objectMapper(baseMapper()).lenientDeserialization().build();
    }

    /** Events as they are stored: personal fields sealed under their scope's key. */
    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(FieldCipher cipher) {
        ObjectMapper mapper = PersonalDataCodec.install(baseMapper(), baseMapper(), cipher);
        return JacksonSerializer.builder().objectMapper(mapper).lenientDeserialization().build();
    }

    /**
     * Tracking processors, not pooled ones: a pooled processor's coordinator, finding no event and
     * no availability callback on the JDBC event stream, looks again only after 500 ms, which put
     * half a second on every read-your-writes wait. A tracking processor blocks on the stream and
     * is woken by the event store the moment an event commits. Their transactions commit as
     * {@link ProcessorTransactions} explains.
     */
    @Bean
    public ConfigurerModule processorDefaults(PlatformTransactionManager transactions, JdbcTemplate jdbc,
                                              ObjectProvider<EventTrackerStatusChangeListener> progress) {
        TransactionManager relaxed = ProcessorTransactions.relaxedByDefault(
                new SpringTransactionManager(transactions), jdbc);
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(config -> progress.stream().findFirst()
                        .map(trackingDefaults()::andEventTrackerStatusChangeListener).orElseGet(
                                AxonStorageConfiguration::trackingDefaults))
                .registerDefaultTransactionManager(config -> relaxed)
                .registerDefaultHandlerInterceptor((config, processor) ->
                        ProcessorTransactions.durableHandling(processor, jdbc)));
    }

    public static TrackingEventProcessorConfiguration trackingDefaults() {
        return TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                .andBatchSize(PROCESSOR_BATCH_SIZE)
                .andInitialSegmentsCount(1);
    }

    /** Jackson as events and messages are written, without the sealing of personal fields. */
    public static ObjectMapper baseMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(IsoInstants.module())
                .addModule(new Jdk8Module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}

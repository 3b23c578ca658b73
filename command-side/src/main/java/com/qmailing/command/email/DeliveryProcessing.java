package com.qmailing.command.email;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.modelling.saga.AnnotatedSagaManager;
import org.axonframework.modelling.saga.SagaManagerSpanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The delivery saga's processor. A hosted delivery is a whole receive (data key, blob, event)
 * run inside the saga's event transaction, so one thread delivered at most ~80 messages a second,
 * and a batch of 100 such deliveries committed (became visible) only when the last one was done.
 * Several segments deliver side by side (each email's events stay in one segment), and small
 * batches commit each delivery within milliseconds of the next few.
 * <p>
 * The saga is registered here rather than found by its {@code @Saga} annotation, for its manager:
 * an email's events reach only the segment that owns its saga ({@link OwnSegmentSagaManager}).
 */
@Configuration(proxyBeanMethods = false)
class DeliveryProcessing {

    /** Axon's name for the processing group of a saga without {@code @ProcessingGroup}. */
    static final String PROCESSOR = DeliverySaga.class.getSimpleName() + "Processor";
    static final int SEGMENTS = 4;
    static final int BATCH_SIZE = 5;

    /**
     * The segments take effect when the processor's tokens are first created (a single existing
     * segment is split at start-up); split them further only with the application stopped.
     */
    @Bean
    ConfigurerModule deliverySagaProcessor(JdbcTemplate jdbc) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSaga(DeliverySaga.class, saga -> saga.configureSagaManager(config ->
                        new OwnSegmentSagaManager<>(AnnotatedSagaManager.<DeliverySaga>builder()
                                .sagaType(DeliverySaga.class)
                                .sagaRepository(config.eventProcessingConfiguration()
                                        .sagaConfiguration(DeliverySaga.class).repository())
                                .parameterResolverFactory(config.parameterResolverFactory())
                                .handlerDefinition(config.handlerDefinition(DeliverySaga.class))
                                .listenerInvocationErrorHandler(config.eventProcessingConfiguration()
                                        .listenerInvocationErrorHandler(PROCESSOR))
                                .spanFactory(config.getComponent(SagaManagerSpanFactory.class)),
                                jdbc, DeliverySaga.class.getName())))
                .registerTrackingEventProcessorConfiguration(PROCESSOR, config -> TrackingEventProcessorConfiguration
                        .forParallelProcessing(SEGMENTS)
                        .andInitialSegmentsCount(SEGMENTS)
                        .andBatchSize(BATCH_SIZE)));
    }
}

package com.qmailing.command.email;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delivery saga's processor. A hosted delivery is a whole receive (data key, blob, event)
 * run inside the saga's event transaction, so one thread delivered at most ~80 messages a second,
 * and a batch of 100 such deliveries committed (became visible) only when the last one was done.
 * Several segments deliver side by side (each email's events stay in one segment), and small
 * batches commit each delivery within milliseconds of the next few.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryProcessing {

    /** Axon's name for the processing group of a saga without {@code @ProcessingGroup}. */
    static final String PROCESSOR = DeliverySaga.class.getSimpleName() + "Processor";
    static final int SEGMENTS = 4;
    static final int BATCH_SIZE = 5;

    /** Takes effect when the processor's tokens are first created; an existing single segment can be split online. */
    @Bean
    ConfigurerModule deliverySagaProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessorConfiguration(PROCESSOR, config -> TrackingEventProcessorConfiguration
                        .forParallelProcessing(SEGMENTS)
                        .andInitialSegmentsCount(SEGMENTS)
                        .andBatchSize(BATCH_SIZE)));
    }
}

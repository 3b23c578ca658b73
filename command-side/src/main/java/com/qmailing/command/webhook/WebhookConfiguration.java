package com.qmailing.command.webhook;

import com.qmailing.command.config.AxonStorageConfiguration;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

    /** Two events per delivery: without snapshots a busy endpoint would load slower every day. */
    static final int SNAPSHOT_AFTER_EVENTS = 200;

    /**
     * Each dispatched event runs a command and seals a payload inside the batch's transaction, and
     * nothing of a batch is visible before it commits: 100 events a batch held the first delivery
     * back for the whole batch under load.
     */
    static final int BATCH_SIZE = 10;

    @Bean
    RetrySchedule webhookRetrySchedule(WebhookProperties properties) {
        return new RetrySchedule(properties.retryDelays());
    }

    @Bean
    TargetGuard webhookTargetGuard(WebhookProperties properties) {
        return new TargetGuard(properties.allowPrivate(), HostResolver.SYSTEM);
    }

    @Bean
    WebhookHttpClient webhookHttpClient(TargetGuard guard, WebhookProperties properties) {
        return new WebhookHttpClient(guard, properties.timeout());
    }

    @Bean
    Cache webhookEndpointCache() {
        return new WeakReferenceCache();
    }

    @Bean
    SnapshotTriggerDefinition webhookEndpointSnapshots(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, SNAPSHOT_AFTER_EVENTS);
    }

    /**
     * Both processors start at the head of the stream the first time they run: webhooks are
     * about what happens from now on, never about history. Their failures are retried rather
     * than logged and skipped, so that no delivery is lost to a passing database error.
     */
    @Bean
    ConfigurerModule webhookProcessors() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessorConfiguration(WebhookDispatch.PROCESSING_GROUP,
                        config -> AxonStorageConfiguration.trackingDefaults().andBatchSize(BATCH_SIZE)
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                .registerTrackingEventProcessorConfiguration(WebhookDeliverySaga.PROCESSING_GROUP,
                        config -> AxonStorageConfiguration.trackingDefaults().andBatchSize(BATCH_SIZE)
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                .registerListenerInvocationErrorHandler(WebhookDispatch.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(WebhookDeliverySaga.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance()));
    }
}

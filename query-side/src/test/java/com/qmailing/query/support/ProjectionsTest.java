package com.qmailing.query.support;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ProjectionsTest {

    private final StreamingEventProcessor mailboxes = mock(StreamingEventProcessor.class);
    private final StreamingEventProcessor accounts = mock(StreamingEventProcessor.class);
    private final Projections projections = projectionsOf(Map.of(
            "projection.mailboxes", mailboxes,
            "projection.accounts", accounts,
            "saga.delivery", mock(StreamingEventProcessor.class),
            "command-lookups", mock(EventProcessor.class),
            "projection.subscribing", mock(EventProcessor.class)));

    @Test
    void onlyStreamingProcessorsOfProjectionGroupsAreProjections() {
        assertThat(projections.all()).containsExactly(
                Map.entry("projection.accounts", accounts), Map.entry("projection.mailboxes", mailboxes));
    }

    @Test
    void sagasLookupsAndUnknownNamesAreNotFound() {
        assertThat(projections.named("projection.mailboxes")).containsSame(mailboxes);
        assertThat(projections.named("saga.delivery")).isEmpty();
        assertThat(projections.named("command-lookups")).isEmpty();
        assertThat(projections.named("projection.subscribing")).isEmpty();
        assertThat(projections.named("projection.nothing")).isEmpty();
        assertThat(projections.named(null)).isEmpty();
    }

    static Projections projectionsOf(Map<String, EventProcessor> processors) {
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessors()).thenReturn(processors);
        return new Projections(processing);
    }
}

package com.qmailing.query.support;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The replayable projections of this node: the streaming processors whose group starts with
 * {@link ProjectionGroups#PREFIX}. Anything else (lookup follow-ups, sagas, policies) is not a
 * projection, is never waited for as one and must never be reset.
 */
@Component
public class Projections {

    private final EventProcessingConfiguration processing;

    public Projections(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** By name, in name order. */
    public Map<String, StreamingEventProcessor> all() {
        Map<String, StreamingEventProcessor> projections = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (name.startsWith(ProjectionGroups.PREFIX) && processor instanceof StreamingEventProcessor streaming) {
                projections.put(name, streaming);
            }
        });
        return projections;
    }

    public Optional<StreamingEventProcessor> named(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(all().get(name));
    }
}

package com.qmailing.app.health;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;

/**
 * Ready only when every event processor runs and every streaming one has claimed its segments:
 * a saga processor that has not claimed yet would miss events of commands accepted meanwhile.
 */
@Component("eventProcessors")
public class EventProcessorsHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;

    public EventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public Health health() {
        Map<String, String> states = new TreeMap<>();
        boolean ready = true;
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            String state = stateOf(entry.getValue());
            states.put(entry.getKey(), state);
            ready &= "running".equals(state);
        }
        return (ready ? Health.up() : Health.down()).withDetails(states).build();
    }

    /** Whether all processors are ready, for the start-up gate. */
    public boolean ready() {
        return processing.eventProcessors().values().stream().allMatch(p -> "running".equals(stateOf(p)));
    }

    private static String stateOf(EventProcessor processor) {
        if (!processor.isRunning()) {
            return "stopped";
        }
        if (processor.isError()) {
            return "error";
        }
        if (processor instanceof StreamingEventProcessor streaming) {
            if (streaming.processingStatus().isEmpty()) {
                return "claiming";
            }
            if (streaming.processingStatus().values().stream().anyMatch(s -> s.isErrorState())) {
                return "error";
            }
        }
        return "running";
    }
}

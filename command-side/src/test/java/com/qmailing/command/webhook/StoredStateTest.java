package com.qmailing.command.webhook;

import com.qmailing.command.config.AxonStorageConfiguration;
import com.qmailing.events.common.WebhookEndpointId;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.util.ReflectionTestUtils.setField;

/**
 * Snapshots of endpoints and the state of delivery sagas are stored with the Jackson serializer:
 * both must come back whole, or snapshots fail and a restart forgets where a delivery stood.
 */
class StoredStateTest {

    private final Serializer serializer = new AxonStorageConfiguration().serializer();

    @Test
    void anEndpointSnapshotReadsBackWithItsState() {
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.on(WebhookEndpointTest.registered());

        WebhookEndpoint copy = roundTrip(endpoint);

        assertThat(copy).usingRecursiveComparison().isEqualTo(endpoint);
        assertThat(copy).extracting("id", "owner", "enabled").doesNotContainNull().contains(true);
    }

    @Test
    void aDeliverySagaReadsBackWithWhereItStood() {
        WebhookDeliverySaga saga = new WebhookDeliverySaga();
        setField(saga, "endpointId", WebhookEndpointId.parse("6d5c4b3a-2f1e-4d0c-9b8a-7f6e5d4c3b2a"));
        setField(saga, "deliveryId", UUID.fromString("1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9"));
        setField(saga, "requestedAt", Instant.parse("2026-11-25T09:00:00.123Z"));
        setField(saga, "attempts", 3);
        setField(saga, "pendingAttempt", "f0e1d2c3-0000-4000-8000-000000000001");

        assertThat(roundTrip(saga)).usingRecursiveComparison().isEqualTo(saga);
    }

    private <T> T roundTrip(T state) {
        SerializedObject<byte[]> stored = serializer.serialize(state, byte[].class);
        return serializer.deserialize(stored);
    }
}

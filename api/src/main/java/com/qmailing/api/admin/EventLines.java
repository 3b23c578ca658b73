package com.qmailing.api.admin;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qmailing.events.audit.AccountEventView;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One stored event as one NDJSON line:
 * {@code {globalIndex, timestamp, aggregateId, sequence, type, revision, payload}}, the payload
 * embedded as the JSON object it is.
 */
final class EventLines {

    private EventLines() {
    }

    static void write(ObjectMapper json, AccountEventView event, OutputStream out) throws IOException {
        try (JsonGenerator line = json.getFactory().createGenerator(out)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            line.writeStartObject();
            line.writeNumberField("globalIndex", event.globalIndex());
            line.writeStringField("timestamp", event.timestamp().toString());
            line.writeStringField("aggregateId", event.aggregateId());
            line.writeNumberField("sequence", event.sequence());
            line.writeStringField("type", event.type());
            line.writeStringField("revision", event.revision());
            line.writeFieldName("payload");
            if (event.payload() == null) {
                line.writeNull();
            } else {
                line.writeRawValue(event.payload());
            }
            line.writeEndObject();
        }
        out.write('\n');
    }
}

package com.qmailing.query.email;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.qmailing.events.email.AttachmentSummary;

import java.util.List;

/**
 * The attachment list of a row, as a jsonb column. A mapper of its own: the column's shape must
 * not change with the web layer's JSON settings.
 */
final class AttachmentsJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<List<AttachmentSummary>> TYPE = new TypeReference<>() {
    };

    private AttachmentsJson() {
    }

    static String write(List<AttachmentSummary> attachments) {
        try {
            return MAPPER.writeValueAsString(attachments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("attachment summaries are plain records", e);
        }
    }

    static List<AttachmentSummary> read(String json) {
        try {
            return MAPPER.readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an attachments column holds invalid JSON", e);
        }
    }
}

package com.qmailing.command.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The direct ISO instant codec writes and reads exactly what Jackson's time module did. */
class IsoInstantsTest {

    /** How events were written before: Jackson's time module alone. */
    private static final ObjectMapper BEFORE = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).build();
    private static final ObjectMapper NOW = AxonStorageConfiguration.baseMapper();

    @Test
    void instantsShouldBeWrittenAsIsoInstantWritesThemAndReadBack() throws Exception {
        Random random = new Random(20261124);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        int[] precisions = {0, 1_000_000, 1_000, 1};
        for (int i = 0; i < 100_000; i++) {
            long seconds = first + (long) (random.nextDouble() * (last - first + 1));
            int step = precisions[i % precisions.length];
            int nano = step == 0 ? 0 : random.nextInt(1_000_000_000 / step) * step;
            Instant instant = Instant.ofEpochSecond(seconds, nano);
            assertThat(IsoInstants.format(instant)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
            assertThat(IsoInstants.parse(IsoInstants.format(instant))).isEqualTo(instant);
        }
        for (Instant edge : List.of(Instant.EPOCH, Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("2024-02-29T12:00:00.000000001Z"),
                Instant.parse("-0001-12-31T23:59:59Z"), Instant.parse("+10000-01-01T00:00:00Z"), Instant.MIN, Instant.MAX)) {
            assertThat(NOW.writeValueAsString(edge)).isEqualTo(BEFORE.writeValueAsString(edge));
            assertThat(NOW.readValue(NOW.writeValueAsString(edge), Instant.class)).isEqualTo(edge);
        }
    }

    @Test
    void everyOtherFormShouldBeReadAsBeforeOrRefusedAsBefore() {
        List<String> inputs = List.of("\"2026-11-24T10:26:45Z\"", "\"2026-11-24T10:26:45.5Z\"",
                "\"2026-11-24T10:26:45.123456789Z\"", "\"2026-11-24t10:26:45z\"", "\"2026-11-24T10:26:45+01:00\"",
                "\"1998-12-31T23:59:60Z\"", "\"2026-11-24T24:00:00Z\"", "1732456789.5", "1732456789",
                "\"+12026-11-24T10:26:45Z\"", "\"2026-02-30T10:26:45Z\"", "\"2026-11-24T25:00:00Z\"",
                "\"2026-11-24T10:26:45.Z\"", "\"2026-11-24T10:26:45.1234567890Z\"", "\"2026-11-24 10:26:45Z\"",
                "\"2026-1a-24T10:26:45Z\"", "\"\"", "\"x\"", "true");
        int refused = 0;
        for (String json : inputs) {
            String before = outcome(BEFORE, json);
            assertThat(outcome(NOW, json)).as(json).isEqualTo(before);
            refused += before.startsWith("refused") ? 1 : 0;
        }
        assertThat(refused).as("the list keeps covering refusals").isGreaterThanOrEqualTo(5);
    }

    private static String outcome(ObjectMapper mapper, String json) {
        try {
            return String.valueOf(mapper.readValue(json, Instant.class));
        } catch (Exception e) {
            return "refused";
        }
    }
}

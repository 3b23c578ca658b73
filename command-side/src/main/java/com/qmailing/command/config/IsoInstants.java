package com.qmailing.command.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants in events and messages as {@link DateTimeFormatter#ISO_INSTANT} writes them
 * ({@code 2026-11-24T10:26:45.521490Z}), without going through a {@link DateTimeFormatter}: its
 * general parser and printer were 3.5 % of the JVM's CPU while receiving mail, for a timestamp in
 * every event. Years 0000–9999 in UTC take the direct path; anything else (offsets, lower case, a
 * leap second, numbers) goes to Jackson's own {@link InstantDeserializer}, so what was accepted
 * before is accepted, and refused, as before.
 */
final class IsoInstants {

    private static final long FIRST = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long LAST = LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);
    private static final int[] FRACTION_SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private IsoInstants() {
    }

    static SimpleModule module() {
        return new SimpleModule("IsoInstants")
                .addSerializer(Instant.class, new Writer())
                .addDeserializer(Instant.class, new Reader());
    }

    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST || seconds > LAST) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        int nano = instant.getNano();
        StringBuilder out = new StringBuilder(30);
        digits(out, time.getYear(), 4).append('-');
        digits(out, time.getMonthValue(), 2).append('-');
        digits(out, time.getDayOfMonth(), 2).append('T');
        digits(out, time.getHour(), 2).append(':');
        digits(out, time.getMinute(), 2).append(':');
        digits(out, time.getSecond(), 2);
        // ISO_INSTANT prints the fraction in whole groups of three digits, as many as it needs.
        if (nano > 0) {
            out.append('.');
            if (nano % 1_000_000 == 0) {
                digits(out, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                digits(out, nano / 1_000, 6);
            } else {
                digits(out, nano, 9);
            }
        }
        return out.append('Z').toString();
    }

    /** The instant, or null when the text is not in the form {@link #format} writes (then the general parser decides). */
    static Instant parse(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int fractionDigits = Math.max(0, length - 21);
        if (length > 20 && (text.charAt(19) != '.' || fractionDigits < 1)) {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        int fraction = fractionDigits > 0 ? number(text, 20, fractionDigits) : 0;
        if ((year | month | day | hour | minute | second | fraction) < 0) {
            return null;
        }
        try {
            long seconds = LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC);
            return Instant.ofEpochSecond(seconds, (long) fraction * FRACTION_SCALE[fractionDigits]);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static StringBuilder digits(StringBuilder out, int value, int width) {
        for (int scale = POWERS_OF_TEN[width - 1]; scale > 0; scale /= 10) {
            out.append((char) ('0' + value / scale % 10));
        }
        return out;
    }

    /** The decimal number in {@code text[from, from + count)}, or -1 when a character is not a digit. */
    private static int number(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static final class Writer extends StdScalarSerializer<Instant> {

        Writer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString(format(value));
        }
    }

    private static final class Reader extends StdScalarDeserializer<Instant> {

        Reader() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser json, DeserializationContext context) throws IOException {
            if (json.currentToken() == JsonToken.VALUE_STRING) {
                Instant direct = parse(json.getText());
                if (direct != null) {
                    return direct;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(json, context);
        }
    }
}

package com.qmailing.gateway.mime;

import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.ParserCursor;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.util.ByteArrayBuffer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A {@code value; name=param; ...} header such as Content-Type or Content-Disposition, with its
 * parameters decoded: RFC 2231 extended values ({@code filename*=utf-8''%E2%82%AC.txt}) and
 * continuations ({@code filename*0*=...; filename*1=...}) win over a plain value of the same name,
 * as in every mainstream client; plain values get the (non-standard, widespread) RFC 2047 decoding.
 * mime4j does the tokenising (quotes, escapes, comments); the decoding is here because mime4j's
 * own joins continuations in arrival order and URL-decodes {@code +} into a space.
 *
 * @param value      the lower-cased value before the first {@code ;}, empty when absent
 * @param parameters decoded parameters by lower-cased name
 */
record ParameterisedHeader(String value, Map<String, String> parameters) {

    /** No real value has 10,000 segments; longer numbers are dropped before they can overflow an int. */
    private static final int MAX_CONTINUATION_DIGITS = 4;

    ParameterisedHeader {
        parameters = Map.copyOf(parameters);
    }

    String parameter(String name) {
        return parameters.get(name);
    }

    /** @param header an unfolded header value, already decoded from bytes; null gives an empty value */
    static ParameterisedHeader parse(String header) {
        if (header == null) {
            return new ParameterisedHeader("", Map.of());
        }
        byte[] utf8 = header.getBytes(StandardCharsets.UTF_8);
        RawBody body = RawFieldParser.DEFAULT.parseRawBody(new ByteArrayBuffer(utf8, true),
                new ParserCursor(0, utf8.length));
        String value = body.getValue() == null ? "" : body.getValue().trim().toLowerCase(Locale.ROOT);
        return new ParameterisedHeader(value, decode(body));
    }

    private static Map<String, String> decode(RawBody body) {
        Set<String> names = new LinkedHashSet<>();
        Map<String, String> plain = new HashMap<>();
        Map<String, String> extended = new HashMap<>();
        Map<String, TreeMap<Integer, Segment>> continued = new HashMap<>();
        for (NameValuePair pair : body.getParams()) {
            String name = pair.getName() == null ? "" : pair.getName().trim().toLowerCase(Locale.ROOT);
            String value = pair.getValue() == null ? "" : pair.getValue();
            int star = name.indexOf('*');
            if (star < 0) {
                names.add(name);
                plain.putIfAbsent(name, value);
                continue;
            }
            String base = name.substring(0, star);
            String suffix = name.substring(star + 1);
            names.add(base);
            boolean encoded = suffix.endsWith("*");
            String number = encoded ? suffix.substring(0, suffix.length() - 1) : suffix;
            if (isNumber(number) && number.length() <= MAX_CONTINUATION_DIGITS) {
                continued.computeIfAbsent(base, b -> new TreeMap<>())
                        .putIfAbsent(Integer.parseInt(number), new Segment(value, encoded));
            } else if (!isNumber(number)) {
                extended.putIfAbsent(base, value);
            }
        }
        Map<String, String> decoded = new LinkedHashMap<>();
        for (String name : names) {
            if (name.isEmpty()) {
                continue;
            }
            if (continued.containsKey(name)) {
                decoded.put(name, joinContinuations(continued.get(name)));
            } else if (extended.containsKey(name)) {
                decoded.put(name, decodeExtended(extended.get(name)));
            } else {
                decoded.put(name, EncodedWords.decode(plain.get(name)));
            }
        }
        return decoded;
    }

    private record Segment(String text, boolean encoded) {
    }

    private static String joinContinuations(TreeMap<Integer, Segment> segments) {
        if (segments.values().stream().noneMatch(Segment::encoded)) {
            // Some clients split an RFC 2047 word across plain continuations.
            StringBuilder joined = new StringBuilder();
            segments.values().forEach(segment -> joined.append(segment.text()));
            return EncodedWords.decode(joined.toString());
        }
        String charset = null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean first = true;
        for (Segment segment : segments.values()) {
            String text = segment.text();
            if (first && segment.encoded()) {
                Extended parts = Extended.split(text);
                charset = parts.charset();
                text = parts.text();
            }
            first = false;
            bytes.writeBytes(segment.encoded() ? percentDecode(text) : text.getBytes(StandardCharsets.UTF_8));
        }
        return TextDecoding.decode(bytes.toByteArray(), charset);
    }

    private static String decodeExtended(String value) {
        Extended parts = Extended.split(value);
        return TextDecoding.decode(percentDecode(parts.text()), parts.charset());
    }

    /** {@code charset'language'text}; without both quotes the whole value is text in an unknown charset. */
    private record Extended(String charset, String text) {
        static Extended split(String value) {
            int first = value.indexOf('\'');
            int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
            if (second < 0) {
                return new Extended(null, value);
            }
            return new Extended(value.substring(0, first), value.substring(second + 1));
        }
    }

    private static byte[] percentDecode(String text) {
        return EscapedBytes.decode(text, '%', false);
    }

    private static boolean isNumber(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}

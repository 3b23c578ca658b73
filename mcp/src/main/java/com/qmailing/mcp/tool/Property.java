package com.qmailing.mcp.tool;

import com.qmailing.api.error.ApiProblem;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One argument of a tool: its JSON Schema for {@code tools/list}, and the type check that turns a
 * malformed call into the 400 REST would give. Constraints on values ({@code maxLength}, {@code minimum},
 * {@code enum}) are published for clients but enforced by the services REST shares, so both edges
 * refuse the same values with the same words.
 */
public final class Property {

    enum Kind {
        STRING("string"), NUMBER("number"), BOOLEAN("boolean"), ARRAY("array"), OBJECT("object");

        final String json;

        Kind(String json) {
            this.json = json;
        }
    }

    private final String name;
    private final Kind kind;
    private final boolean required;
    private final Map<String, Object> keywords;
    private final Property items;
    private final InputSchema fields;

    private Property(String name, Kind kind, boolean required, Map<String, Object> keywords, Property items,
                     InputSchema fields) {
        this.name = name;
        this.kind = kind;
        this.required = required;
        this.keywords = keywords;
        this.items = items;
        this.fields = fields;
    }

    public static Property string(String name, String description) {
        return of(name, Kind.STRING, description, null, null);
    }

    /** A whole number: every number the API takes is a count, an offset or an index. */
    public static Property number(String name, String description) {
        return of(name, Kind.NUMBER, description, null, null);
    }

    public static Property bool(String name, String description) {
        return of(name, Kind.BOOLEAN, description, null, null);
    }

    /** @param items the schema of each element; its name is not used */
    public static Property array(String name, String description, Property items) {
        return of(name, Kind.ARRAY, description, items, null);
    }

    public static Property object(String name, String description, InputSchema fields) {
        return of(name, Kind.OBJECT, description, null, fields);
    }

    private static Property of(String name, Kind kind, String description, Property items, InputSchema fields) {
        Map<String, Object> keywords = new LinkedHashMap<>();
        if (description != null) {
            keywords.put("description", description);
        }
        return new Property(name, kind, false, keywords, items, fields);
    }

    public Property required() {
        return new Property(name, kind, true, keywords, items, fields);
    }

    /** Adds a JSON Schema keyword such as {@code maxLength}, {@code minimum}, {@code enum} or {@code format}. */
    public Property with(String keyword, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(keywords);
        more.put(keyword, value);
        return new Property(name, kind, required, more, items, fields);
    }

    String name() {
        return name;
    }

    boolean isRequired() {
        return required;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", kind.json);
        json.putAll(keywords);
        if (items != null) {
            json.put("items", items.toJson());
        }
        if (fields != null) {
            json.putAll(fields.toJson());
        }
        return json;
    }

    /** @throws ApiProblem 400 {@code ValidationFailed} naming {@code path} when the value has the wrong type */
    Object check(Object value, String path) {
        switch (kind) {
            case STRING -> expect(value instanceof String, path);
            case BOOLEAN -> expect(value instanceof Boolean, path);
            case NUMBER -> {
                expect(value instanceof Number, path);
                return wholeNumber((Number) value, path);
            }
            case ARRAY -> {
                expect(value instanceof List<?>, path);
                List<?> list = (List<?>) value;
                Object[] checked = new Object[list.size()];
                for (int i = 0; i < list.size(); i++) {
                    Object element = list.get(i);
                    String at = path + "[" + i + "]";
                    if (element == null) {
                        throw ApiProblem.invalid(at, "must not be null");
                    }
                    checked[i] = items.check(element, at);
                }
                return List.of(checked);
            }
            case OBJECT -> {
                expect(value instanceof Map<?, ?>, path);
                return fields.check((Map<?, ?>) value, path + ".");
            }
        }
        return value;
    }

    /** Outside the range of an int the value is out of range anyway; clamping keeps that answer. */
    private static Integer wholeNumber(Number number, String path) {
        BigDecimal exact = new BigDecimal(number.toString());
        if (exact.stripTrailingZeros().scale() > 0) {
            throw ApiProblem.invalid(path, "wrong type");
        }
        return exact.max(BigDecimal.valueOf(Integer.MIN_VALUE)).min(BigDecimal.valueOf(Integer.MAX_VALUE)).intValue();
    }

    private static void expect(boolean matches, String path) {
        if (!matches) {
            throw ApiProblem.invalid(path, "wrong type");
        }
    }
}

package com.qmailing.mcp.tool;

import com.qmailing.api.error.ApiProblem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tool's {@code inputSchema}: an object of named properties with {@code additionalProperties: false},
 * and the check that holds calls to it with the words REST uses ({@code name: unknown field},
 * {@code name: wrong type}, {@code name: must not be null}).
 */
public final class InputSchema {

    private final List<Property> properties;

    private InputSchema(List<Property> properties) {
        this.properties = properties;
    }

    public static InputSchema none() {
        return new InputSchema(List.of());
    }

    public static InputSchema of(Property... properties) {
        return new InputSchema(List.of(properties));
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "object");
        Map<String, Object> described = new LinkedHashMap<>();
        properties.forEach(property -> described.put(property.name(), property.toJson()));
        json.put("properties", described);
        List<String> required = properties.stream().filter(Property::isRequired).map(Property::name).toList();
        if (!required.isEmpty()) {
            json.put("required", required);
        }
        json.put("additionalProperties", false);
        return json;
    }

    /** @throws ApiProblem 400 {@code ValidationFailed} for an unknown, mistyped or missing argument */
    Arguments read(Map<String, Object> arguments) {
        return new Arguments(check(arguments == null ? Map.of() : arguments, ""));
    }

    /** A JSON {@code null} counts as absent, as it does for optional fields of a REST body. */
    Map<String, Object> check(Map<?, ?> values, String prefix) {
        for (Object key : values.keySet()) {
            if (properties.stream().noneMatch(property -> property.name().equals(key))) {
                throw ApiProblem.invalid(prefix + key, "unknown field");
            }
        }
        Map<String, Object> checked = new LinkedHashMap<>();
        for (Property property : properties) {
            Object value = values.get(property.name());
            String path = prefix + property.name();
            if (value == null) {
                if (property.isRequired()) {
                    throw ApiProblem.invalid(path, "must not be null");
                }
            } else {
                checked.put(property.name(), property.check(value, path));
            }
        }
        return checked;
    }
}

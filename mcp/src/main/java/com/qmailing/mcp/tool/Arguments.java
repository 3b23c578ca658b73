package com.qmailing.mcp.tool;

import java.util.List;
import java.util.Map;

/** The arguments of one call, already checked against the tool's {@link InputSchema}: the types are right. */
public final class Arguments {

    private final Map<String, Object> values;

    Arguments(Map<String, Object> values) {
        this.values = values;
    }

    /** @return the string, or {@code null} when absent */
    public String string(String name) {
        return (String) values.get(name);
    }

    /** @return the whole number (clamped to the int range), or {@code null} when absent */
    public Integer number(String name) {
        return (Integer) values.get(name);
    }

    /** @return the boolean, or {@code null} when absent */
    public Boolean bool(String name) {
        return (Boolean) values.get(name);
    }

    /** @return the strings of an array of strings, or {@code null} when absent */
    @SuppressWarnings("unchecked")
    public List<String> strings(String name) {
        return (List<String>) values.get(name);
    }

    /** @return the elements of an array of objects, each checked against its schema, or {@code null} when absent */
    @SuppressWarnings("unchecked")
    public List<Arguments> objects(String name) {
        List<Map<String, Object>> list = (List<Map<String, Object>>) values.get(name);
        return list == null ? null : list.stream().map(Arguments::new).toList();
    }
}

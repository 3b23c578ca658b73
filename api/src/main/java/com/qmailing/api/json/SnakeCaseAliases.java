package com.qmailing.api.json;

import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedField;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.AnnotatedParameter;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;

import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Requests accept every field in camelCase and in snake_case ({@code mailboxId} and
 * {@code mailbox_id}): the hosted API's clients send both. Responses stay camelCase.
 */
public class SnakeCaseAliases extends NopAnnotationIntrospector {

    @Override
    public List<PropertyName> findPropertyAliases(Annotated annotated) {
        String name = propertyName(annotated);
        if (name == null) {
            return null;
        }
        String snake = toSnakeCase(name);
        return snake.equals(name) ? null : List.of(PropertyName.construct(snake));
    }

    static String toSnakeCase(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 4);
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String propertyName(Annotated annotated) {
        if (annotated instanceof AnnotatedParameter parameter) {
            // Record constructors: the parameter at index i is the record's component i.
            Class<?> owner = parameter.getOwner().getDeclaringClass();
            RecordComponent[] components = owner.getRecordComponents();
            int index = parameter.getIndex();
            return components != null && index < components.length ? components[index].getName() : null;
        }
        if (annotated instanceof AnnotatedField field) {
            return field.getName();
        }
        if (annotated instanceof AnnotatedMethod method && method.getName().startsWith("set")
                && method.getName().length() > 3 && method.getParameterCount() == 1) {
            String rest = method.getName().substring(3);
            return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
        }
        return null;
    }
}

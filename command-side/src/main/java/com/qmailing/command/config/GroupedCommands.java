package com.qmailing.command.config;

import org.springframework.beans.factory.ObjectProvider;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The {@link GroupedCommand} beans by command type, looked up once, on first use. */
final class GroupedCommands {

    private GroupedCommands() {
    }

    static Supplier<Map<Class<?>, GroupedCommand<?>>> byType(ObjectProvider<GroupedCommand<?>> beans) {
        return new Supplier<>() {
            private volatile Map<Class<?>, GroupedCommand<?>> byType;

            @Override
            public Map<Class<?>, GroupedCommand<?>> get() {
                Map<Class<?>, GroupedCommand<?>> known = byType;
                if (known == null) {
                    Map<Class<?>, GroupedCommand<?>> found = new HashMap<>();
                    beans.orderedStream().forEach(grouped -> found.put(grouped.commandType(), grouped));
                    byType = known = Map.copyOf(found);
                }
                return known;
            }
        };
    }
}

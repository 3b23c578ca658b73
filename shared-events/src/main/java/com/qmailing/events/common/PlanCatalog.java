package com.qmailing.events.common;

import java.util.EnumMap;
import java.util.Map;

/** The configured limits of every plan. */
public record PlanCatalog(Map<Plan, PlanLimits> limits) {

    public PlanCatalog {
        for (Plan plan : Plan.values()) {
            if (!limits.containsKey(plan)) {
                throw new IllegalArgumentException("no limits configured for plan " + plan);
            }
        }
        limits = Map.copyOf(new EnumMap<>(limits));
    }

    public PlanLimits of(Plan plan) {
        return limits.get(plan);
    }
}

package com.qmailing.command.config;

import com.qmailing.events.common.Plan;
import com.qmailing.events.common.PlanCatalog;
import com.qmailing.events.common.PlanLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.EnumMap;
import java.util.Map;

/**
 * Plan limits from configuration ({@code qmailing.plans.<PLAN>.<limit>}), with defaults for every
 * plan. A setting overrides that one limit: the plan's other limits keep their defaults.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlanConfiguration.PlanProperties.class)
public class PlanConfiguration {

    @Bean
    public PlanCatalog planCatalog(PlanProperties properties) {
        Map<Plan, PlanLimits> limits = new EnumMap<>(PlanProperties.DEFAULTS);
        if (properties.plans() != null) {
            properties.plans().forEach((plan, overrides) -> limits.put(plan, overrides.over(limits.get(plan))));
        }
        return new PlanCatalog(limits);
    }

    @ConfigurationProperties("qmailing")
    public record PlanProperties(Map<Plan, Overrides> plans) {

        static final Map<Plan, PlanLimits> DEFAULTS = Map.of(
                Plan.FREE, new PlanLimits(false, 1, 100L << 20, 20, 0, 0, 60),
                Plan.PLUS, new PlanLimits(true, 10, 1L << 30, 200, 1, 3, 600),
                Plan.PRO, new PlanLimits(true, 100, 10L << 30, 2_000, 5, 10, 3_000),
                Plan.PRO_PLUS, new PlanLimits(true, 1_000, 50L << 30, 10_000, 20, 25, 12_000),
                Plan.PRO_MAX, new PlanLimits(true, 10_000, 200L << 30, 50_000, 100, 100, 60_000));
    }

    /**
     * The limits a plan's settings name; the others are null. (Bound straight to {@link PlanLimits},
     * one setting such as {@code daily-sends} gave the plan no public API and no mailboxes.)
     */
    public record Overrides(Boolean publicApi, Integer mailboxes, Long storageBytes, Integer dailySends,
                            Integer customDomains, Integer webhookEndpoints, Integer requestsPerMinute) {

        PlanLimits over(PlanLimits defaults) {
            return new PlanLimits(
                    publicApi != null ? publicApi : defaults.publicApi(),
                    mailboxes != null ? mailboxes : defaults.mailboxes(),
                    storageBytes != null ? storageBytes : defaults.storageBytes(),
                    dailySends != null ? dailySends : defaults.dailySends(),
                    customDomains != null ? customDomains : defaults.customDomains(),
                    webhookEndpoints != null ? webhookEndpoints : defaults.webhookEndpoints(),
                    requestsPerMinute != null ? requestsPerMinute : defaults.requestsPerMinute());
        }
    }
}

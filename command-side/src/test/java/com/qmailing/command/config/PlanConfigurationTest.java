package com.qmailing.command.config;

import com.qmailing.events.common.Plan;
import com.qmailing.events.common.PlanCatalog;
import com.qmailing.events.common.PlanLimits;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** Plan limits as an operator sets them: one setting changes one limit. */
class PlanConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(PlanConfiguration.class);

    @Test
    void oneSettingShouldOverrideOneLimitAndKeepThePlansOtherDefaults() {
        context.withPropertyValues("qmailing.plans.PRO.daily-sends=5000", "qmailing.plans.FREE.public-api=true")
                .run(started -> {
                    PlanCatalog plans = started.getBean(PlanCatalog.class);
                    PlanLimits pro = PlanConfiguration.PlanProperties.DEFAULTS.get(Plan.PRO);
                    assertThat(plans.of(Plan.PRO)).isEqualTo(new PlanLimits(true, pro.mailboxes(), pro.storageBytes(),
                            5000, pro.customDomains(), pro.webhookEndpoints(), pro.requestsPerMinute()));
                    assertThat(plans.of(Plan.FREE).publicApi()).isTrue();
                    assertThat(plans.of(Plan.FREE).mailboxes()).isEqualTo(1);
                    assertThat(plans.of(Plan.PLUS)).isEqualTo(PlanConfiguration.PlanProperties.DEFAULTS.get(Plan.PLUS));
                });
    }

    @Test
    void withoutSettingsEveryPlanShouldHaveItsDefaults() {
        context.run(started -> assertThat(started.getBean(PlanCatalog.class).limits())
                .isEqualTo(PlanConfiguration.PlanProperties.DEFAULTS));
    }
}

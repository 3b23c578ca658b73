package com.qmailing.app.email;

import com.qmailing.app.support.IntegrationTest;
import com.qmailing.command.email.DeliverySaga;
import org.axonframework.config.Configuration;
import org.axonframework.config.SagaConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery saga as the application registers it: once, with the manager that keeps an email's
 * events in its saga's segment, and under the processor name (and so the tokens) it always had.
 */
class DeliveryProcessorTest extends IntegrationTest {

    @Autowired
    private Configuration axon;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void theDeliverySagaShouldBeRegisteredOnceWithItsOwnSegmentManager() {
        List<SagaConfiguration<?>> deliveries = axon.eventProcessingConfiguration().sagaConfigurations().stream()
                .filter(saga -> saga.type() == DeliverySaga.class)
                .toList();

        assertThat(deliveries).hasSize(1);
        assertThat(deliveries.get(0).manager().getClass().getSimpleName()).isEqualTo("OwnSegmentSagaManager");
        assertThat(deliveries.get(0).processingGroup()).isEqualTo("DeliverySagaProcessor");
    }

    @Test
    void theDeliveryProcessorShouldKeepItsFourSegmentsAndItsName() {
        List<Integer> segments = jdbc.queryForList(
                "select segment from token_entry where processor_name = 'DeliverySagaProcessor' order by segment",
                Integer.class);

        assertThat(segments).containsExactly(0, 1, 2, 3);
    }
}

package com.qmailing.query.projection;

import com.qmailing.events.common.BusinessRuleException;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.events.projection.RebuildProjectionCommand;
import com.qmailing.query.support.Projections;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.SimpleTransactionStatus;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class ProjectionRebuildTest {

    private final StreamingEventProcessor mailboxes = mock(StreamingEventProcessor.class);
    private final StreamingEventProcessor saga = mock(StreamingEventProcessor.class);
    private final EventProcessor lookups = mock(EventProcessor.class);
    private final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
    private ProjectionRebuild rebuild;

    @BeforeEach
    void setUp() {
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessors()).thenReturn(Map.of("projection.mailboxes", mailboxes,
                "saga.delivery", saga, "command-lookups", lookups));
        when(mailboxes.getName()).thenReturn("projection.mailboxes");
        when(mailboxes.supportsReset()).thenReturn(true);
        when(mailboxes.shutdownAsync()).thenReturn(CompletableFuture.completedFuture(null));
        when(mailboxes.processingStatus()).thenReturn(Map.of(0, mock(EventTrackerStatus.class)));
        when(transactions.getTransaction(any())).thenReturn(new SimpleTransactionStatus());
        rebuild = new ProjectionRebuild(new Projections(processing), transactions, Duration.ofSeconds(5));
    }

    @Test
    void theProcessorIsStoppedResetInATransactionOfItsOwnAndStartedAgain() throws Exception {
        rebuild.handle(new RebuildProjectionCommand("projection.mailboxes"));

        InOrder order = inOrder(mailboxes, transactions);
        order.verify(mailboxes).shutdownAsync();
        order.verify(transactions).getTransaction(argThat(definition ->
                definition.getPropagationBehavior() == TransactionDefinition.PROPAGATION_REQUIRES_NEW));
        order.verify(mailboxes).resetTokens();
        order.verify(transactions).commit(any());
        order.verify(mailboxes).start();
    }

    @Test
    void sagasAndLookupFollowUpsAreNeverStoppedOrReset() {
        for (String name : new String[]{"saga.delivery", "command-lookups", "projection.nothing"}) {
            BusinessRuleException refused = catchThrowableOfType(BusinessRuleException.class,
                    () -> rebuild.handle(new RebuildProjectionCommand(name)));
            assertThat(BusinessRuleException.errorOf(refused)).get()
                    .satisfies(error -> assertThat(error.code()).isEqualTo(ErrorCode.NOT_FOUND));
        }
        verifyNoInteractions(saga, lookups);
    }

    @Test
    void aProjectionClaimedByAnotherNodeIsAConflictAndKeepsRunningHere() {
        doThrow(new UnableToClaimTokenException("claimed by node-2")).when(mailboxes).resetTokens();

        BusinessRuleException refused = catchThrowableOfType(BusinessRuleException.class,
                () -> rebuild.handle(new RebuildProjectionCommand("projection.mailboxes")));

        assertThat(BusinessRuleException.errorOf(refused)).get()
                .satisfies(error -> assertThat(error.code()).isEqualTo(ErrorCode.CONFLICT));
        verify(transactions, never()).commit(any());
        verify(mailboxes).start();
    }
}

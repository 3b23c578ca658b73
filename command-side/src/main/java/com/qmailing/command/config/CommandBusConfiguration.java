package com.qmailing.command.config;

import com.qmailing.events.common.BusinessRuleException;
import com.qmailing.events.common.ErrorCode;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class CommandBusConfiguration {

    /**
     * The local command bus, as Axon's auto-configuration builds it, with group commit for the
     * {@link GroupedCommand} types. Only for the embedded bus: with Axon Server the bus and its local
     * segment stay Axon's.
     */
    @Bean
    @Qualifier("localSegment")
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    public CommandBus commandBus(TransactionManager transactions, org.axonframework.config.Configuration axon,
                                 DuplicateCommandHandlerResolver duplicates, ObjectProvider<GroupedCommand<?>> grouped,
                                 @Value("${qmailing.commands.group-lanes:2}") int lanes,
                                 @Value("${qmailing.commands.max-group-size:32}") int maxGroupSize) {
        SimpleCommandBus.Builder builder = SimpleCommandBus.builder()
                .duplicateCommandHandlerResolver(duplicates)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"));
        GroupCommitCommandBus bus = new GroupCommitCommandBus(builder, transactions,
                GroupedCommands.byType(grouped), lanes, maxGroupSize);
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return bus;
    }

    /** A command for an aggregate that does not exist is a 404 on every edge, and over Axon Server too. */
    @Bean
    public ConfigurerModule translateMissingAggregates() {
        // Registered at start, not at initialisation: asking for the command bus while the Axon
        // configuration is still being built would make the bus bean depend on itself.
        return configurer -> configurer.onInitialize(config -> config.onStart(
                Phase.LOCAL_MESSAGE_HANDLER_REGISTRATIONS, () -> config.commandBus()
                        .registerHandlerInterceptor((unitOfWork, chain) -> {
                            try {
                                return chain.proceed();
                            } catch (AggregateNotFoundException e) {
                                throw new BusinessRuleException(ErrorCode.NOT_FOUND, "not found");
                            }
                        })));
    }

    @Bean
    public ConfigurerModule lookupFollowUps() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(LookupTables.FOLLOW_UPS)
                .registerListenerInvocationErrorHandler(LookupTables.FOLLOW_UPS,
                        config -> PropagatingErrorHandler.instance()));
    }
}

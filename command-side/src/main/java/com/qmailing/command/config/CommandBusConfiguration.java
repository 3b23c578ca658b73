package com.qmailing.command.config;

import com.qmailing.events.common.BusinessRuleException;
import com.qmailing.events.common.ErrorCode;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.lifecycle.Phase;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class CommandBusConfiguration {

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

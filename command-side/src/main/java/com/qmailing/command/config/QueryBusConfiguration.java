package com.qmailing.command.config;

import org.axonframework.config.Configuration;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The local query bus without a transaction around each query.
 * <p>
 * Axon's default wraps every query in a database transaction. Every query handler here reads, and
 * at READ COMMITTED a transaction gives a handler of several statements no more consistency than
 * none (each statement sees what was committed when it started), so the transaction only cost two
 * extra statements per query and held a pooled connection for the whole of it, including the
 * read-your-writes wait, which parks for milliseconds. Handlers run on auto-commit connections now,
 * each statement borrowing a connection just for itself.
 * <p>
 * Only for the embedded bus: with Axon Server the bus is Axon Server's and keeps its own local segment.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class QueryBusConfiguration {

    @Bean
    @Qualifier("localSegment")
    public QueryBus queryBus(Configuration axon) {
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }
}

package com.qmailing.api.core;

import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;

/** Real Axon gateways whose queries the given object's {@code @QueryHandler} methods answer (no command handlers). */
public final class QueryOnlyGateways {

    private QueryOnlyGateways() {
    }

    public static Gateways answeredBy(Object queryHandlers) {
        SimpleQueryBus queries = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(queryHandlers).subscribe(queries);
        return new Gateways(DefaultCommandGateway.builder().commandBus(SimpleCommandBus.builder().build()).build(),
                DefaultQueryGateway.builder().queryBus(queries).build());
    }
}

package com.qmailing.api.core;

import com.qmailing.events.consistency.AwaitProjectionsQuery;
import com.qmailing.events.consistency.ReadModel;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * The edges' only way into the core: commands and queries with {@code shared-events} messages.
 * Failures are rethrown unwrapped, so a business refusal reaches the problem mapping as itself.
 */
@Component
public class Gateways {

    private final CommandGateway commands;
    private final QueryGateway queries;

    public Gateways(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** Sends the command and waits for its result. */
    public <R> R send(Object command) {
        return commands.sendAndWait(command);
    }

    /**
     * Sends the command and waits until the projections have seen its events, so the caller's next
     * read (a list, a get) shows what it just changed.
     */
    public <R> R sendAndSettle(Object command, Object aggregateId) {
        R result = commands.sendAndWait(command);
        settle(aggregateId);
        return result;
    }

    /**
     * Sends the command and waits until the named read models have seen its events: for a command
     * whose next reads touch only those, so the others' progress does not delay the answer.
     */
    public <R> R sendAndSettle(Object command, Object aggregateId, ReadModel readModel, ReadModel... more) {
        R result = commands.sendAndWait(command);
        awaitProjections(List.of(aggregateId.toString()), EnumSet.of(readModel, more));
        return result;
    }

    /** Waits until the read models have seen the latest events of the aggregates. */
    public void awaitProjections(List<String> aggregateIds, Set<ReadModel> readModels) {
        join(queries.query(new AwaitProjectionsQuery(aggregateIds, readModels), Boolean.class));
    }

    public void settle(Object aggregateId) {
        awaitProjections(List.of(aggregateId.toString()), EnumSet.allOf(ReadModel.class));
    }

    /** Sends without waiting: for metadata whose loss on a crash is acceptable (request log). */
    public void sendAsync(Object command) {
        commands.send(command);
    }

    public <R> Optional<R> one(Object query, Class<R> type) {
        return join(queries.query(query, ResponseTypes.optionalInstanceOf(type)));
    }

    public <R> List<R> list(Object query, Class<R> type) {
        return join(queries.query(query, ResponseTypes.multipleInstancesOf(type)));
    }

    public <R> R single(Object query, Class<R> type) {
        return join(queries.query(query, ResponseTypes.instanceOf(type)));
    }

    /**
     * A streaming query's answers as they come, with at most {@code buffered} of them waiting for
     * the caller; a failure of the query is thrown when the stream gets to it.
     */
    public <R> Stream<R> stream(Object query, Class<R> type, int buffered) {
        return Flux.from(queries.streamingQuery(query, type)).toStream(buffered);
    }

    private static <T> T join(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw unwrap(e);
        }
    }

    private static RuntimeException unwrap(Exception e) {
        return e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    }
}

package com.qmailing.command.config;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.Registration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfiguration;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.annotation.Nonnull;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import static org.axonframework.commandhandling.GenericCommandResultMessage.asCommandResultMessage;

/**
 * The local command bus, with group commit for {@link GroupedCommand}s: commands of those types
 * that arrive while earlier ones are being handled wait together, and the first of them to get a
 * lane handles the whole group in one unit of work and one transaction. The group's events are
 * appended together and the commit's disk flush is shared; each command is answered only after
 * that commit, exactly as on its own.
 * <p>
 * Received mail is why (issue 3): a message's own database work is a handful of short statements,
 * and a transaction of its own per message (begin, commit, a synchronous flush, a processor batch
 * per commit) cost about as much again. Alone, a command finds a lane free and runs at once, as
 * on the plain bus: grouping only happens when commands queue anyway.
 * <p>
 * If a group rolls back, for whichever command's reason, every command of it is handled again on
 * its own, so a failing command fails alone and the others keep their outcome. A command sent from
 * inside a unit of work or a transaction (a saga's delivery, say) is never grouped: it belongs to
 * its caller's transaction, which the group must not join.
 */
public class GroupCommitCommandBus extends SimpleCommandBus {

    /**
     * Measured with 8 SMTP connections on 2 cores: one lane is busy about 90 % of the time and
     * forms groups of ~2.7; a second lane open to anyone split them into groups of ~1.4 and cost
     * more CPU per message. A queue of three means the open lane is falling behind.
     */
    static final int QUEUE_FOR_ANOTHER_LANE = 3;

    private final TransactionManager transactions;
    private final Supplier<Map<Class<?>, GroupedCommand<?>>> grouped;
    private final int maxGroupSize;
    private final Semaphore lanes;
    private final int laneCount;
    private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    private final List<MessageHandlerInterceptor<? super CommandMessage<?>>> interceptors =
            new CopyOnWriteArrayList<>();
    private volatile RollbackConfiguration rollback = RollbackConfigurationType.UNCHECKED_EXCEPTIONS;

    /**
     * @param grouped the grouped command types; asked for on the first command, as their handlers
     *                may depend on this bus
     * @param lanes   how many groups may be handled at the same time
     */
    public GroupCommitCommandBus(Builder builder, TransactionManager transactions,
                                 Supplier<Map<Class<?>, GroupedCommand<?>>> grouped, int lanes, int maxGroupSize) {
        super(builder.transactionManager(transactions));
        this.transactions = transactions;
        this.grouped = grouped;
        this.lanes = new Semaphore(lanes);
        this.laneCount = lanes;
        this.maxGroupSize = maxGroupSize;
    }

    @Override
    protected <C, R> void handle(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                                 CommandCallback<? super C, ? super R> callback) {
        @SuppressWarnings("unchecked")
        GroupedCommand<C> type = (GroupedCommand<C>) grouped.get().get(command.getPayloadType());
        if (type == null || CurrentUnitOfWork.isStarted()
                || TransactionSynchronizationManager.isActualTransactionActive()) {
            super.handle(command, handler, callback);
            return;
        }
        Waiting mine = new Waiting(command, handler);
        boolean queued = false;
        try {
            type.prepare(command.getPayload());
            waiting.add(mine);
            queued = true;
            awaitResult(mine);
        } catch (RuntimeException | Error e) {
            if (!queued || waiting.remove(mine)) {
                // Failed while preparing, or while leading another group: this one was never handled.
                mine.answer(e, false);
            } else {
                // Already taken into a group, which answers it.
                awaitAnswer(mine);
            }
        }
        try {
            type.release(command.getPayload(), mine.committed);
        } finally {
            callback.onResult(command, asResult(mine.result));
        }
    }

    /** Leads groups while this command waits, until a group (its own or another lane's) answers it. */
    private void awaitResult(Waiting mine) {
        boolean interrupted = false;
        while (!mine.done) {
            List<Waiting> group = List.of();
            if (mayOpenLane() && lanes.tryAcquire()) {
                try {
                    group = nextGroup();
                    if (!group.isEmpty()) {
                        handleGroupAnsweringAll(group);
                    }
                } finally {
                    lanes.release();
                    // Released first, then looked: a command queued after this look finds the lane free itself.
                    Waiting next = waiting.peek();
                    if (next != null) {
                        LockSupport.unpark(next.thread);
                    }
                }
            }
            if (group.isEmpty() && !mine.done) {
                // Another lane has it, or every lane is busy: woken by its answer or by a lane coming free.
                LockSupport.park(this);
                interrupted |= Thread.interrupted();
            }
        }
        restoreInterrupt(interrupted);
    }

    private static void awaitAnswer(Waiting mine) {
        boolean interrupted = false;
        while (!mine.done) {
            LockSupport.park(mine);
            interrupted |= Thread.interrupted();
        }
        restoreInterrupt(interrupted);
    }

    /**
     * A command in a group cannot be called back, so its sender waits for the answer even when
     * interrupted (a parked thread with its flag set would otherwise spin), and keeps the flag.
     */
    private static void restoreInterrupt(boolean interrupted) {
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The first lane is open to anyone; another one only to a queue of a few commands. Lanes that
     * open for single commands would take the groups apart, and one lane alone is busy most of the
     * time under load, waiting on the database with the CPU given to others.
     */
    private boolean mayOpenLane() {
        return lanes.availablePermits() == laneCount || waiting.size() >= QUEUE_FOR_ANOTHER_LANE;
    }

    private List<Waiting> nextGroup() {
        List<Waiting> group = new ArrayList<>();
        Waiting next;
        while (group.size() < maxGroupSize && (next = waiting.poll()) != null) {
            group.add(next);
        }
        return group;
    }

    /**
     * Every command of a group is answered, whatever happens: its sender is parked until then.
     * Failures the handling does not foresee (an {@link Error}) may come after the commit, so
     * they are not reported as "not committed", which would discard what was prepared.
     */
    private void handleGroupAnsweringAll(List<Waiting> group) {
        try {
            handleGroup(group);
        } catch (RuntimeException | Error e) {
            group.stream().filter(w -> !w.done).forEach(w -> w.answer(e, true));
            throw e;
        }
    }

    private void handleGroup(List<Waiting> group) {
        if (group.size() == 1) {
            handleAlone(group.get(0));
            return;
        }
        List<CommandMessage<?>> messages = new ArrayList<>(group.size());
        group.forEach(w -> messages.add(w.command));
        BatchingUnitOfWork<CommandMessage<?>> unitOfWork = new BatchingUnitOfWork<>(messages);
        List<Object> results = new ArrayList<>(group.size());
        try {
            unitOfWork.attachTransaction(transactions);
            // The unit of work runs the task once per message, in the group's order.
            unitOfWork.executeWithResult(() -> {
                Waiting current = group.get(results.size());
                try {
                    Object result = new DefaultInterceptorChain<>(unitOfWork, interceptors, current.handler).proceed();
                    results.add(result);
                    return result;
                } catch (Exception | Error e) {
                    results.add(e);
                    throw e;
                }
            }, rollback);
        } catch (RuntimeException e) {
            // The unit of work failed outside its handlers' reach: each command tries on its own.
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            group.forEach(this::handleAlone);
            return;
        }
        if (unitOfWork.isRolledBack()) {
            group.forEach(this::handleAlone);
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).answer(results.get(i), true);
        }
    }

    private void handleAlone(Waiting w) {
        UnitOfWork<CommandMessage<?>> unitOfWork = null;
        try {
            unitOfWork = DefaultUnitOfWork.startAndGet(w.command);
            unitOfWork.attachTransaction(transactions);
            Object result = unitOfWork.executeWithResult(
                    new DefaultInterceptorChain<>(unitOfWork, interceptors, w.handler)::proceed, rollback);
            w.answer(result, !unitOfWork.isRolledBack());
        } catch (RuntimeException e) {
            if (unitOfWork != null && unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            w.answer(e, false);
        }
    }

    @Override
    public Registration registerHandlerInterceptor(
            @Nonnull MessageHandlerInterceptor<? super CommandMessage<?>> handlerInterceptor) {
        interceptors.add(handlerInterceptor);
        Registration registration = super.registerHandlerInterceptor(handlerInterceptor);
        return () -> interceptors.remove(handlerInterceptor) & registration.cancel();
    }

    @Override
    public void setRollbackConfiguration(@Nonnull RollbackConfiguration rollbackConfiguration) {
        this.rollback = rollbackConfiguration;
        super.setRollbackConfiguration(rollbackConfiguration);
    }

    /** A command waiting for its answer; whichever thread handles it answers it and wakes its sender. */
    private static final class Waiting {

        final CommandMessage<?> command;
        final MessageHandler<? super CommandMessage<?>> handler;
        final Thread thread = Thread.currentThread();
        volatile Object result;
        volatile boolean committed;
        volatile boolean done;

        Waiting(CommandMessage<?> command, MessageHandler<? super CommandMessage<?>> handler) {
            this.command = command;
            this.handler = handler;
        }

        /**
         * @param result    the handler's result, a result message, or what it threw
         * @param committed false only when its unit of work certainly did not commit (a handler may
         *                  also fail without a rollback, its work committed)
         */
        void answer(Object result, boolean committed) {
            this.result = result;
            this.committed = committed;
            done = true;
            LockSupport.unpark(thread);
        }
    }

    /** A handler's result, a result message or a failure, as the callback takes it. */
    @SuppressWarnings("unchecked")
    private static <R> CommandResultMessage<R> asResult(Object result) {
        return result instanceof Throwable failure
                ? asCommandResultMessage(failure)
                : (CommandResultMessage<R>) asCommandResultMessage(result);
    }
}

package com.qmailing.command.config;

/**
 * A command type whose commands may share one transaction with others of their type
 * ({@link GroupCommitCommandBus}). Work that needs no transaction, such as writing a blob, is done
 * in {@link #prepare} on the dispatching thread, so that it still runs side by side; the handler,
 * run for the whole group on one thread, is left with the database work.
 *
 * @param <C> the command's payload type
 */
public interface GroupedCommand<C> {

    Class<C> commandType();

    /** On the dispatching thread, outside any transaction, before the command waits for its group. */
    void prepare(C command);

    /**
     * On the dispatching thread once the command has its result, whatever it is.
     *
     * @param committed false when the command's unit of work certainly did not commit (rolled back,
     *                  or never run): what {@link #prepare} made is then referenced by nothing
     */
    void release(C command, boolean committed);
}

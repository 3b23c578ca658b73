package com.qmailing.command.deletion;

import com.qmailing.events.common.BusinessError;
import com.qmailing.events.common.BusinessRuleException;
import com.qmailing.events.common.ErrorCode;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** How a deletion saga sends a purge when its deadline fires. */
final class Purges {

    private Purges() {
    }

    /**
     * Sends the purge and waits, so that a failure fails the deadline and the deadline manager tries
     * again later (every purge step is safe to repeat).
     *
     * @return false when the aggregate refused because no purge is due: the deadline raced a
     *         restore (or a restore and a new delete), whose own events settle the saga
     */
    static boolean send(CommandGateway commands, Object purge) {
        try {
            commands.sendAndWait(purge);
            return true;
        } catch (RuntimeException e) {
            if (BusinessRuleException.errorOf(e).map(BusinessError::code).filter(ErrorCode.CONFLICT::equals)
                    .isPresent()) {
                return false;
            }
            throw e;
        }
    }
}

package com.qmailing.events.common;

import org.axonframework.messaging.HandlerExecutionException;

import java.util.Optional;

/**
 * Thrown by command and query handlers to refuse a request. Carrying the {@link BusinessError}
 * as Axon "details" is what lets the refusal survive the trip through Axon Server, where only
 * details (not exception types) are transported.
 */
public class BusinessRuleException extends HandlerExecutionException {

    public BusinessRuleException(ErrorCode code, String detail) {
        super(detail, null, new BusinessError(code, detail));
    }

    /** Finds the business error behind any exception the gateways rethrow, if there is one. */
    public static Optional<BusinessError> errorOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HandlerExecutionException handlerFailure) {
                Optional<Object> details = handlerFailure.getDetails();
                if (details.isPresent() && details.get() instanceof BusinessError error) {
                    return Optional.of(error);
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}

package com.qmailing.command;

import com.qmailing.events.common.BusinessError;
import com.qmailing.events.common.BusinessRuleException;
import com.qmailing.events.common.ErrorCode;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;

/**
 * Matches a handler failure the way the edges read it: through {@link BusinessRuleException#errorOf},
 * so a test fails if the code would not survive the trip to problem+json or an MCP tool error.
 */
public final class BusinessErrors {

    private BusinessErrors() {
    }

    public static Matcher<Throwable> refusedWith(ErrorCode code) {
        return new CustomTypeSafeMatcher<>("a failure carrying business error " + code) {
            @Override
            protected boolean matchesSafely(Throwable failure) {
                return BusinessRuleException.errorOf(failure).map(BusinessError::code).filter(code::equals)
                        .isPresent();
            }

            @Override
            protected void describeMismatchSafely(Throwable failure, Description mismatch) {
                mismatch.appendText("was ").appendValue(failure).appendText(" carrying ")
                        .appendValue(BusinessRuleException.errorOf(failure).orElse(null));
            }
        };
    }
}

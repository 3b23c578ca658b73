package com.qmailing.command.mailbox;

import com.qmailing.events.common.BusinessRuleException;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.ErrorCode;

/** The rules every mailbox setting obeys, at creation and at every change. */
final class MailboxSettings {

    static final int MAX_DISPLAY_NAME = 255;

    private MailboxSettings() {
    }

    static void check(String displayName, EmailAddress forwardTo, EmailAddress own) {
        if (displayName != null) {
            if (displayName.length() > MAX_DISPLAY_NAME) {
                throw invalid("displayName: at most 255 characters");
            }
            // A display name ends up in From: headers; line breaks there are header injection.
            if (displayName.chars().anyMatch(Character::isISOControl)) {
                throw invalid("displayName: must not contain control characters");
            }
        }
        if (forwardTo != null && forwardTo.normalized().withoutTag().equals(own.normalized())) {
            throw invalid("forwardTo: a mailbox cannot forward to itself");
        }
    }

    private static BusinessRuleException invalid(String detail) {
        return new BusinessRuleException(ErrorCode.VALIDATION_FAILED, detail);
    }
}

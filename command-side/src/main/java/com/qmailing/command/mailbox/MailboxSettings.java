package com.qmailing.command.mailbox;

import com.qmailing.events.common.BusinessRuleException;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.ErrorCode;

/** The rules every mailbox setting obeys, at creation and at every change. */
final class MailboxSettings {

    static final int MAX_DISPLAY_NAME = 255;

    private MailboxSettings() {
    }

    static void check(String displayName, EmailAddress forwardTo, boolean forwardOnly, EmailAddress own) {
        if (displayName != null) {
            if (displayName.length() > MAX_DISPLAY_NAME) {
                throw invalid("displayName: at most 255 characters");
            }
            // A display name ends up in From: headers: line breaks there are header injection, and
            // invisible or direction-changing characters make one sender pass for another.
            if (displayName.codePoints().anyMatch(MailboxSettings::isHidden)) {
                throw invalid("displayName: must not contain control, invisible or line-separator characters");
            }
        }
        if (forwardTo != null && forwardTo.normalized().withoutTag().equals(own.normalized())) {
            throw invalid("forwardTo: a mailbox cannot forward to itself");
        }
        if (forwardOnly && forwardTo == null) {
            throw invalid("forwardOnly: needs a forwardTo address, or mail would go nowhere");
        }
    }

    private static boolean isHidden(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isISOControl(codePoint) || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static BusinessRuleException invalid(String detail) {
        return new BusinessRuleException(ErrorCode.VALIDATION_FAILED, detail);
    }
}

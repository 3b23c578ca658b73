package com.qmailing.events.email;

/** The readable bodies of a message: text as sent (neutralised), HTML sanitised for display. */
public record EmailContentView(String bodyText, String bodyHtml) {
}

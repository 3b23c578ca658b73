package com.qmailing.events.email;

import java.util.List;

public record EmailPage(List<EmailView> emails, long total) {
}

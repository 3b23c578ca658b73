package com.qmailing.events.email;

import java.time.Instant;

public record MuteRuleView(String pattern, MutedSender.Kind kind, Instant createdAt) {
}

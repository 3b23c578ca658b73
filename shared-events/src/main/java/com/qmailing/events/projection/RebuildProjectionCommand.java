package com.qmailing.events.projection;

/**
 * Empties a projection's tables and replays the event store into them. Only {@code projection.*}
 * processors can be rebuilt: sagas and policies send mail, commands and webhooks, and a replay
 * would send them again. Refused with {@code NOT_FOUND} for any other name.
 */
public record RebuildProjectionCommand(String name) {
}

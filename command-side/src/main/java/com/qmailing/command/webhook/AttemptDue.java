package com.qmailing.command.webhook;

/**
 * The deadline of one delivery attempt. Carrying its number lets the saga ignore a deadline that
 * fires twice (db-scheduler runs a task again when a node dies after the attempt committed).
 */
record AttemptDue(int attempt) {
}

package com.qmailing.events.common;

/**
 * A requested change of one optional field: a {@code null} {@code Change} leaves the field alone,
 * {@code Change(null)} clears it.
 */
public record Change<T>(T value) {
}

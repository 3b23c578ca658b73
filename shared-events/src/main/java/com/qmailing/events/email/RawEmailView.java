package com.qmailing.events.email;

public record RawEmailView(byte[] raw) {
}

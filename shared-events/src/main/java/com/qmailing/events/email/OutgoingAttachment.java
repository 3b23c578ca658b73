package com.qmailing.events.email;

/** A file to attach to an outgoing message, as the sender gave it. */
public record OutgoingAttachment(String filename, String contentType, byte[] content) {
}

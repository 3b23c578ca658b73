package com.qmailing.events.email;

/** One attachment as listed in an email's detail; {@code index} is its place in the message. */
public record AttachmentSummary(int index, String filename, String contentType, long sizeBytes) {
}

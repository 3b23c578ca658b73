package com.qmailing.events.email;

public record AttachmentView(String filename, String contentType, byte[] content) {
}

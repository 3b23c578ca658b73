package com.qmailing.gateway.mime;

/**
 * One attachment's decoded bytes, from {@link MimeParser#attachment(byte[], int)}.
 * The array is handed over, not copied: the record compares by identity, as arrays do.
 */
public record AttachmentContent(AttachmentInfo info, byte[] bytes) {
}

package com.qmailing.gateway.mime;

/**
 * One attachment as listed by {@link MimeParser#parse(byte[])}.
 *
 * @param index       0-based position among the message's attachments, in document order
 * @param filename    the decoded file name without any directory part, or null when the part has none
 * @param contentType lower-case {@code type/subtype} without parameters
 * @param sizeBytes   size after transfer decoding, which is what a download delivers
 */
public record AttachmentInfo(int index, String filename, String contentType, long sizeBytes) {
}

package com.qmailing.gateway.mime;

import org.apache.james.mime4j.stream.BodyDescriptor;

import java.util.regex.Pattern;

/**
 * What the parser needs to know about one leaf part.
 *
 * @param contentType            lower-case {@code type/subtype} as the part is read: the declared
 *                               type, or mime4j's RFC 2045 default (text/plain, or message/rfc822
 *                               inside a digest) when none is declared
 * @param listedType             the type an attachment is listed and downloaded as: the same, except
 *                               that a part without a declared type is application/octet-stream,
 *                               because a browser must not be told to render unlabelled bytes
 * @param charset                the declared charset label, possibly null or nonsense
 * @param attachmentDisposition  whether Content-Disposition says {@code attachment}
 * @param filename               the decoded, neutralised file name without directories, or null
 */
record PartHeaders(String contentType, String listedType, String charset, boolean attachmentDisposition,
        String filename) {

    static final String OCTET_STREAM = "application/octet-stream";
    static final String MESSAGE = "message/rfc822";

    /** The download sends this value as a Content-Type header, so only RFC 6838 names pass. */
    private static final Pattern MEDIA_TYPE =
            Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");

    static PartHeaders of(HeaderFields fields, BodyDescriptor descriptor) {
        String read = descriptor.getMimeType();
        return of(fields, read != null && MEDIA_TYPE.matcher(read).matches() ? read : OCTET_STREAM,
                descriptor.getCharset());
    }

    /** A part that is passed on as bytes without being looked into. */
    static PartHeaders opaque(HeaderFields fields) {
        return of(fields, OCTET_STREAM, null);
    }

    private static PartHeaders of(HeaderFields fields, String contentType, String charset) {
        ParameterisedHeader disposition = ParameterisedHeader.parse(fields.first("content-disposition"));
        ParameterisedHeader type = ParameterisedHeader.parse(fields.first("content-type"));
        String name = disposition.parameter("filename");
        if (name == null || name.isBlank()) {
            name = type.parameter("name");
        }
        boolean declared = MEDIA_TYPE.matcher(type.value()).matches();
        String listedType = declared || contentType.equals(MESSAGE) ? contentType : OCTET_STREAM;
        return new PartHeaders(contentType, listedType, charset, disposition.value().equals("attachment"),
                FileNames.clean(name));
    }

    boolean is(String mediaType) {
        return contentType.equals(mediaType);
    }

    /** An attached e-mail, named after its subject when it has no name of its own. */
    boolean isMessage() {
        return is(MESSAGE) || is("message/global");
    }
}

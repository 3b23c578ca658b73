package com.qmailing.api.email;

import com.qmailing.api.auth.Caller;
import com.qmailing.api.auth.RequiredScope;
import com.qmailing.api.core.Page;
import com.qmailing.events.common.Scope;
import com.qmailing.events.email.AttachmentView;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.List;

@RestController
@RequestMapping("/api/v1/pub/email")
class EmailController {

    private final Emails emails;

    EmailController(Emails emails) {
        this.emails = emails;
    }

    @GetMapping
    @RequiredScope(Scope.EMAIL_READ)
    ResponseEntity<List<EmailListItemResponse>> list(Caller caller,
                                                     @RequestParam(required = false) String mailboxId,
                                                     @RequestParam(required = false) String folder,
                                                     @RequestParam(required = false) Integer offset,
                                                     @RequestParam(required = false) Integer limit) {
        Emails.Listing listing = emails.list(caller, mailboxId, folder, Page.of(offset, limit));
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(listing.total())).body(listing.emails());
    }

    @GetMapping("/{id}")
    @RequiredScope(Scope.EMAIL_READ)
    EmailDetailResponse get(Caller caller, @PathVariable String id) {
        return emails.get(caller, id);
    }

    /**
     * The attachment's own bytes and type, always as a download: served from this origin, an
     * HTML or SVG attachment must never render (nosniff, sandbox) or it could script the API.
     */
    @GetMapping("/{id}/attachments/{index}")
    @RequiredScope(Scope.EMAIL_READ)
    ResponseEntity<byte[]> attachment(Caller caller, @PathVariable String id, @PathVariable String index) {
        AttachmentView attachment = emails.attachment(caller, id, index);
        return download(attachment.content(), mediaType(attachment.contentType()),
                DownloadNames.contentDisposition(attachment.filename()));
    }

    /**
     * Written as it is decrypted, chunk by chunk, each authenticated before it is sent: the
     * message is never whole in memory. A chunk that fails authentication ends the response
     * short of its Content-Length, which clients see as a broken download (ADR 9).
     */
    @GetMapping("/{id}/raw")
    @RequiredScope(Scope.EMAIL_READ)
    void raw(Caller caller, @PathVariable String id, HttpServletResponse response) throws IOException {
        try (Emails.RawDownload raw = emails.raw(caller, id)) {
            downloadHeaders(new MediaType("message", "rfc822"), raw.length(),
                    ContentDisposition.attachment().filename(id + ".eml").build().toString())
                    .forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            response.setStatus(HttpStatus.OK.value());
            raw.writeTo(response.getOutputStream());
        }
    }

    @PatchMapping("/{id}")
    @RequiredScope(Scope.EMAIL_READ)
    EmailDetailResponse update(Caller caller, @PathVariable String id, @RequestBody UpdateEmailRequest request) {
        return emails.update(caller, id, request);
    }

    @DeleteMapping("/{id}")
    @RequiredScope(Scope.EMAIL_READ)
    ResponseEntity<TrashedEmailResponse> delete(Caller caller, @PathVariable String id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(emails.trash(caller, id));
    }

    @DeleteMapping(value = "/{id}", params = "permanent=true")
    @RequiredScope(Scope.EMAIL_READ)
    ResponseEntity<PurgedEmailResponse> purge(Caller caller, @PathVariable String id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(emails.purge(caller, id));
    }

    @PostMapping("/{id}/restore")
    @RequiredScope(Scope.EMAIL_READ)
    EmailDetailResponse restore(Caller caller, @PathVariable String id) {
        return emails.restore(caller, id);
    }

    private static ResponseEntity<byte[]> download(byte[] content, MediaType type, String disposition) {
        return ResponseEntity.ok().headers(downloadHeaders(type, content.length, disposition)).body(content);
    }

    private static HttpHeaders downloadHeaders(MediaType type, long length, String disposition) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        headers.setContentLength(length);
        headers.set(HttpHeaders.CONTENT_DISPOSITION, disposition);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", "sandbox");
        return headers;
    }

    private static MediaType mediaType(String contentType) {
        try {
            return contentType == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}

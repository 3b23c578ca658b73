package com.qmailing.api.mailbox;

import com.qmailing.api.auth.Caller;
import com.qmailing.api.auth.RequiredScope;
import com.qmailing.api.consistency.ReadsNoProjections;
import com.qmailing.events.common.Scope;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

@RestController
@RequestMapping("/api/v1/pub/mailboxes")
class MailboxController {

    private final Mailboxes mailboxes;

    MailboxController(Mailboxes mailboxes) {
        this.mailboxes = mailboxes;
    }

    /** Bytes, not a list: the mailboxes come already rendered ({@link RenderedMailboxes}). */
    @GetMapping
    @RequiredScope(Scope.MAILBOXES_READ)
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            array = @ArraySchema(schema = @Schema(implementation = MailboxResponse.class))))
    ResponseEntity<byte[]> list(Caller caller) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(mailboxes.listJson(caller));
    }

    @GetMapping("/{id}")
    @RequiredScope(Scope.MAILBOXES_READ)
    MailboxResponse get(Caller caller, @PathVariable String id) {
        return mailboxes.get(caller, id);
    }

    @PostMapping
    @RequiredScope(Scope.MAILBOXES_WRITE)
    @ReadsNoProjections
    ResponseEntity<MailboxResponse> create(Caller caller, @RequestBody CreateMailboxRequest request) {
        MailboxResponse created = mailboxes.create(caller, request);
        return ResponseEntity.created(URI.create("/api/v1/pub/mailboxes/" + created.id())).body(created);
    }

    @PatchMapping("/{id}")
    @RequiredScope(Scope.MAILBOXES_WRITE)
    MailboxResponse update(Caller caller, @PathVariable String id, @RequestBody UpdateMailboxRequest request) {
        return mailboxes.update(caller, id, request);
    }

    @DeleteMapping("/{id}")
    @RequiredScope(Scope.MAILBOXES_WRITE)
    ResponseEntity<DeletedMailboxResponse> delete(Caller caller, @PathVariable String id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(mailboxes.delete(caller, id));
    }

    @PostMapping("/{id}/restore")
    @RequiredScope(Scope.MAILBOXES_WRITE)
    MailboxResponse restore(Caller caller, @PathVariable String id) {
        return mailboxes.restore(caller, id);
    }
}

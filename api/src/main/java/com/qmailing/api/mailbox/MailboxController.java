package com.qmailing.api.mailbox;

import com.qmailing.api.auth.Caller;
import com.qmailing.api.auth.RequiredScope;
import com.qmailing.events.common.Scope;
import org.springframework.http.HttpStatus;
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
import java.util.List;

@RestController
@RequestMapping("/api/v1/pub/mailboxes")
class MailboxController {

    private final Mailboxes mailboxes;

    MailboxController(Mailboxes mailboxes) {
        this.mailboxes = mailboxes;
    }

    @GetMapping
    @RequiredScope(Scope.MAILBOXES_READ)
    List<MailboxResponse> list(Caller caller) {
        return mailboxes.list(caller);
    }

    @GetMapping("/{id}")
    @RequiredScope(Scope.MAILBOXES_READ)
    MailboxResponse get(Caller caller, @PathVariable String id) {
        return mailboxes.get(caller, id);
    }

    @PostMapping
    @RequiredScope(Scope.MAILBOXES_WRITE)
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

package com.qmailing.api.email;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qmailing.api.auth.Caller;
import com.qmailing.api.auth.RequiredScope;
import com.qmailing.api.error.ApiProblem;
import com.qmailing.events.common.Scope;
import com.qmailing.events.email.OutgoingAttachment;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/v1/pub/email/send} as the hosted API takes it: a {@code command} part of JSON
 * (a plain form field or a file part, with or without its own content type) and any number of
 * {@code attachments} file parts.
 */
@RestController
@RequestMapping("/api/v1/pub/email")
class SendController {

    private final Sending sending;
    private final ObjectMapper json;

    SendController(Sending sending, ObjectMapper json) {
        this.sending = sending;
        this.json = json;
    }

    @PostMapping(value = "/send", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiredScope(Scope.EMAIL_SEND)
    ResponseEntity<EmailDetailResponse> send(Caller caller, HttpServletRequest request,
                                             @RequestHeader(value = "Idempotency-Key", required = false)
                                             String idempotencyKey) throws IOException, ServletException {
        Part command = request.getPart("command");
        if (command == null) {
            throw ApiProblem.invalid("command", "the multipart body needs a part named command");
        }
        SendEmailRequest parsed;
        try (InputStream in = command.getInputStream()) {
            parsed = json.readValue(in, SendEmailRequest.class);
        } catch (JsonProcessingException e) {
            throw new HttpMessageNotReadableException("command: not valid JSON", e,
                    new ServletServerHttpRequest(request));
        }
        List<OutgoingAttachment> attachments = new ArrayList<>();
        for (Part part : request.getParts()) {
            if ("attachments".equals(part.getName())) {
                try (InputStream in = part.getInputStream()) {
                    attachments.add(new OutgoingAttachment(part.getSubmittedFileName(), part.getContentType(),
                            in.readAllBytes()));
                }
            }
        }
        EmailDetailResponse sent = sending.send(caller, parsed, attachments, idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/pub/email/" + sent.id())).body(sent);
    }
}

package com.qmailing.api.account;

import com.qmailing.api.auth.Caller;
import com.qmailing.api.auth.RequiredScope;
import com.qmailing.api.core.Gateways;
import com.qmailing.api.core.Ids;
import com.qmailing.api.error.ApiProblem;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.events.common.ExportId;
import com.qmailing.events.common.Scope;
import com.qmailing.events.export.ExportFileView;
import com.qmailing.events.export.ExportStatus;
import com.qmailing.events.export.ExportView;
import com.qmailing.events.export.GetExportFileQuery;
import com.qmailing.events.export.GetExportQuery;
import com.qmailing.events.export.StartExportCommand;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.file.Path;

/**
 * Data export (promise P9): a ZIP of JSON files, the raw {@code .eml} of every email and the decrypted
 * event history, built in the background. Only the account that asked sees it (anyone else: 404).
 */
@RestController
@RequestMapping("/api/v1/account/export")
class ExportController {

    private final Gateways gateways;

    ExportController(Gateways gateways) {
        this.gateways = gateways;
    }

    record ExportResponse(String id, ExportStatus status, long itemsDone, long itemsTotal) {

        static ExportResponse of(ExportView view) {
            return new ExportResponse(view.id().toString(), view.status(), view.itemsDone(), view.itemsTotal());
        }
    }

    @PostMapping
    @RequiredScope(Scope.ALL)
    ResponseEntity<ExportResponse> start(Caller caller) {
        ExportId export = ExportId.random();
        gateways.send(new StartExportCommand(export, caller.accountId()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ExportResponse.of(view(caller, export)));
    }

    @GetMapping("/{id}")
    @RequiredScope(Scope.ALL)
    ExportResponse progress(Caller caller, @PathVariable String id) {
        return ExportResponse.of(view(caller, Ids.parse(id, ExportId::parse)));
    }

    /** Streamed from the file; 409 until the export is DONE. */
    @GetMapping("/{id}/download")
    @RequiredScope(Scope.ALL)
    ResponseEntity<Resource> download(Caller caller, @PathVariable String id) {
        ExportId export = Ids.parse(id, ExportId::parse);
        ExportView view = view(caller, export);
        if (view.status() != ExportStatus.DONE) {
            throw new ApiProblem(ErrorCode.CONFLICT, "export is " + view.status() + ", not DONE");
        }
        ExportFileView file = gateways.one(new GetExportFileQuery(caller.accountId(), export), ExportFileView.class)
                .orElseThrow(ApiProblem::notFound);
        return ResponseEntity.ok()
                .contentType(new MediaType("application", "zip"))
                .contentLength(file.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("qmailing-export-" + export + ".zip").build().toString())
                .body(new FileSystemResource(Path.of(file.path())));
    }

    private ExportView view(Caller caller, ExportId export) {
        return gateways.one(new GetExportQuery(caller.accountId(), export), ExportView.class)
                .orElseThrow(ApiProblem::notFound);
    }
}

package com.qmailing.api.admin;

import com.qmailing.api.core.Gateways;
import com.qmailing.api.error.ApiProblem;
import com.qmailing.events.projection.GetProjectionQuery;
import com.qmailing.events.projection.ListProjectionsQuery;
import com.qmailing.events.projection.ProjectionView;
import com.qmailing.events.projection.RebuildProjectionCommand;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The operator's view of the projections and their rebuild: a rebuild empties a projection's tables
 * and replays every event into them, in the background; poll the projection for its progress.
 */
@RestController
@RequestMapping("/api/v1/admin/projections")
class AdminProjectionController {

    private final Gateways gateways;

    AdminProjectionController(Gateways gateways) {
        this.gateways = gateways;
    }

    @GetMapping
    List<ProjectionResponse> list() {
        return gateways.list(new ListProjectionsQuery(), ProjectionView.class).stream()
                .map(ProjectionResponse::of)
                .toList();
    }

    @GetMapping("/{name}")
    ProjectionResponse get(@PathVariable String name) {
        return ProjectionResponse.of(projection(name));
    }

    @PostMapping("/{name}/rebuild")
    ResponseEntity<ProjectionResponse> rebuild(@PathVariable String name) {
        gateways.send(new RebuildProjectionCommand(name));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header(HttpHeaders.LOCATION, "/api/v1/admin/projections/" + name)
                .body(ProjectionResponse.of(projection(name)));
    }

    private ProjectionView projection(String name) {
        return gateways.one(new GetProjectionQuery(name), ProjectionView.class).orElseThrow(ApiProblem::notFound);
    }
}

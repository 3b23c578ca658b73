package com.qmailing.query.projection;

import com.qmailing.events.projection.GetProjectionQuery;
import com.qmailing.events.projection.ListProjectionsQuery;
import com.qmailing.events.projection.ProjectionView;
import com.qmailing.query.support.Projections;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

@Component
class ProjectionQueries {

    private final Projections projections;

    ProjectionQueries(Projections projections) {
        this.projections = projections;
    }

    @QueryHandler
    List<ProjectionView> handle(ListProjectionsQuery query) {
        return projections.all().entrySet().stream()
                .map(entry -> ProjectionProgress.of(entry.getKey(), entry.getValue()))
                .toList();
    }

    @QueryHandler
    Optional<ProjectionView> handle(GetProjectionQuery query) {
        return projections.named(query.name()).map(processor -> ProjectionProgress.of(query.name(), processor));
    }
}

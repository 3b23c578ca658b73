package com.qmailing.api.admin;

import com.qmailing.events.projection.ProjectionStatus;
import com.qmailing.events.projection.ProjectionView;

/** A projection's state and replay progress, as {@code /api/v1/admin/projections} shows it. */
record ProjectionResponse(String name, ProjectionStatus status, Long position, Long replayUntil, Double progress) {

    static ProjectionResponse of(ProjectionView view) {
        return new ProjectionResponse(view.name(), view.status(), view.position(), view.replayUntil(),
                view.progress());
    }
}

package commonplace.query.admin;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/admin/projections}: position, lag and dead letters of every read model. */
@RestController
class ProjectionStatusController {

    private final ProjectionStatusQueries status;

    ProjectionStatusController(ProjectionStatusQueries status) {
        this.status = status;
    }

    @GetMapping("/api/v1/admin/projections")
    ProjectionStatus projections() {
        return status.current();
    }
}

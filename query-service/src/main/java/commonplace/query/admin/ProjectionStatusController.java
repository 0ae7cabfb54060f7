package commonplace.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/admin/projections}: position, lag and dead letters of every read model. */
@RestController
@Tag(name = "admin", description = "Running the read side: status, rebuild, parked topics")
class ProjectionStatusController {

    private final ProjectionStatusQueries status;

    ProjectionStatusController(ProjectionStatusQueries status) {
        this.status = status;
    }

    @Operation(summary = "The read models' status: lag, parked topics, dead letters, a rebuild's progress")
    @GetMapping("/api/v1/admin/projections")
    ProjectionStatus projections() {
        return status.current();
    }
}

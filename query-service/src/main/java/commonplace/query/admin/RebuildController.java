package commonplace.query.admin;

import commonplace.query.rebuild.ProjectionRebuild.Progress;
import commonplace.query.rebuild.ProjectionRebuild;
import commonplace.query.web.ApiProblem;
import commonplace.web.openapi.ProblemAnswers;
import commonplace.web.problem.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * {@code POST /api/v1/admin/projections/rebuild} (moderators only): starts rebuilding every read model from the
 * whole Kafka topic and answers 202 at once; the status endpoint follows it. One rebuild at a time: 409.
 */
@RestController
@Tag(name = "admin")
class RebuildController {

    static final String STATUS_PATH = "/api/v1/admin/projections";

    /** The 202 answer: the rebuild as it starts and where to follow it. */
    record Accepted(String state, Progress rebuild, String status) {
    }

    private final ProjectionRebuild rebuild;

    RebuildController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Operation(summary = "Rebuild every read model from the feed, beside the live ones, and switch when caught up")
    @ApiResponse(responseCode = "202", description = "started; the status path follows it")
    @ProblemAnswers(ProblemType.REBUILD_IN_PROGRESS)
    @PostMapping(STATUS_PATH + "/rebuild")
    ResponseEntity<Accepted> rebuild() {
        Progress started;
        try {
            started = rebuild.rebuild();
        } catch (ProjectionRebuild.AlreadyRunning e) {
            throw new ApiProblem(ProblemType.REBUILD_IN_PROGRESS,
                    "a rebuild is running already; " + STATUS_PATH + " shows its progress");
        }
        return ResponseEntity.accepted().location(URI.create(STATUS_PATH))
                .body(new Accepted("rebuilding", started, STATUS_PATH));
    }
}

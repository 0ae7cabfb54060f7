package commonplace.query.live;

import commonplace.events.ConsistencyPosition;
import commonplace.query.web.ApiProblem;
import commonplace.query.web.Ids;
import commonplace.web.openapi.ProblemAnswers;
import commonplace.web.problem.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/topics/{topicId}/stream}: the topic's events as Server-Sent Events as they are projected.
 * {@code id} is the event's position (as command answers give it), {@code event} its type, {@code data} its timeline
 * entry with the comment it concerns. A client resumes with {@code Last-Event-ID} (what EventSource sends by itself)
 * or {@code ?after=<position>}; without either the stream starts now. The first event after the catch-up is
 * {@code ready}, whose id is where the stream stands.
 */
@RestController
@Tag(name = "live", description = "A topic's changes as they happen")
class TopicStreamController {

    private final StreamHub hub;

    TopicStreamController(StreamHub hub) {
        this.hub = hub;
    }

    @Operation(summary = "A topic's activities as server-sent events, from after (or Last-Event-ID) on")
    @ApiResponse(responseCode = "200", description = "server-sent events: each an activity, its id the position",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @ProblemAnswers({ProblemType.TOO_MANY_STREAMS, ProblemType.STREAMS_EXHAUSTED})
    @GetMapping(path = "/api/v1/topics/{topicId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> stream(@PathVariable String topicId, @RequestParam(required = false) String after,
                                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                                      HttpServletRequest request) {
        Ids.topicId(topicId);
        Long afterSequence = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            afterSequence = sequenceOf(topicId, lastEventId.trim(), "Last-Event-ID");
        } else if (after != null) {
            afterSequence = sequenceOf(topicId, after, "after");
        }
        SseEmitter emitter = hub.subscribe(topicId, request.getRemoteAddr(), afterSequence);
        // no proxy may buffer or transform the stream
        return ResponseEntity.ok().cacheControl(CacheControl.noStore().noTransform())
                .header("X-Accel-Buffering", "no").body(emitter);
    }

    private static long sequenceOf(String topicId, String position, String field) {
        ConsistencyPosition decoded = ConsistencyPosition.decode(position)
                .orElseThrow(() -> ApiProblem.invalid(field, "is not a position of this topic's stream"));
        if (!decoded.topicId().equals(topicId)) {
            throw ApiProblem.invalid(field, "is a position of another topic");
        }
        return decoded.sequence();
    }
}

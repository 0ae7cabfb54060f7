package commonplace.query.admin;

import commonplace.query.parking.ParkedTopic;
import commonplace.query.parking.ParkedTopics.Action;
import commonplace.query.parking.ParkedTopics.Request;
import commonplace.query.parking.ParkedTopics;
import commonplace.query.web.ApiProblem;
import commonplace.query.web.Cursor;
import commonplace.query.web.Ids;
import commonplace.query.web.Limits;
import commonplace.query.web.Page;
import commonplace.web.openapi.ProblemAnswers;
import commonplace.web.problem.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * The parked topics, and what an admin can do about one: {@code retry} applies its waiting events again from the
 * first, {@code skip} drops the first (the one that could not be applied; {@code ?sequence=} makes sure it is the one
 * the admin saw) and applies the rest. Both are recorded with who asked and answered 202: the consumer carries them
 * out between two batches, and {@code GET .../{topicId}} follows them (404 once the topic is applied again).
 */
@RestController
@Tag(name = "admin")
class ParkedTopicsController {

    static final String PATH = "/api/v1/admin/parked-topics";
    private static final String CURSOR_KIND = "parked";
    private static final int ACTIONS_SHOWN = 50;

    /** One parked topic with the latest admin actions on it, newest first. */
    record ParkedTopicDetail(ParkedTopic topic, List<Action> actions) {
    }

    /** The 202 answer: the topic as the request left it, the recorded action, and where to follow it. */
    record Accepted(ParkedTopic topic, Action action, String status) {
    }

    private final ParkedTopics parked;

    ParkedTopicsController(ParkedTopics parked) {
        this.parked = parked;
    }

    @Operation(summary = "The parked topics: each with the event it waits at and why")
    @GetMapping(PATH)
    Page<ParkedTopic> list(@RequestParam(required = false) String limit,
                           @RequestParam(required = false) String cursor) {
        String after = cursor == null ? null : Cursor.decode(cursor, CURSOR_KIND, 1).topicId(0);
        return Page.fetch(Limits.parse(limit), count -> parked.list(count, after),
                last -> Cursor.encode(CURSOR_KIND, last.topicId()));
    }

    @Operation(summary = "One parked topic with the latest admin actions on it (404 once applied again)")
    @ProblemAnswers(ProblemType.NOT_FOUND)
    @GetMapping(PATH + "/{topicId}")
    ParkedTopicDetail one(@PathVariable String topicId) {
        ParkedTopic topic = parked.find(Ids.topicId(topicId)).orElseThrow(() -> notParked(topicId));
        return new ParkedTopicDetail(topic, parked.actions(topicId, ACTIONS_SHOWN));
    }

    @Operation(summary = "Apply a parked topic's waiting events again, from the first (audited)")
    @ApiResponse(responseCode = "202", description = "recorded; the consumer carries it out between two batches")
    @ProblemAnswers({ProblemType.NOT_FOUND, ProblemType.PARKED_TOPIC_BUSY})
    @PostMapping(PATH + "/{topicId}/retry")
    ResponseEntity<Accepted> retry(@PathVariable String topicId, Authentication who) {
        return answer(topicId, parked.request(Ids.topicId(topicId), "retry", who.getName(), null));
    }

    @Operation(summary = "Drop the event a parked topic waits at (sequence: the one the admin saw) and apply the rest")
    @ApiResponse(responseCode = "202", description = "recorded; the consumer carries it out between two batches")
    @ProblemAnswers({ProblemType.NOT_FOUND, ProblemType.PARKED_TOPIC_BUSY, ProblemType.PARKED_EVENT_MOVED})
    @PostMapping(PATH + "/{topicId}/skip")
    ResponseEntity<Accepted> skip(@PathVariable String topicId, @RequestParam(required = false) String sequence,
                                  Authentication who) {
        return answer(topicId, parked.request(Ids.topicId(topicId), "skip", who.getName(), sequence(sequence)));
    }

    private static ResponseEntity<Accepted> answer(String topicId, Request request) {
        String status = PATH + "/" + topicId;
        if (request instanceof Request.Accepted accepted) {
            return ResponseEntity.accepted().location(URI.create(status))
                    .body(new Accepted(accepted.topic(), accepted.action(), status));
        }
        if (request instanceof Request.Busy busy) {
            throw new ApiProblem(ProblemType.PARKED_TOPIC_BUSY, "a " + busy.topic().requested()
                    + " of topic " + topicId + " is under way; " + status + " follows it");
        }
        if (request instanceof Request.HeadMoved moved) {
            throw new ApiProblem(ProblemType.PARKED_EVENT_MOVED, "topic " + topicId
                    + " waits at sequence " + moved.topic().headSequence() + " now; nothing was skipped");
        }
        throw notParked(topicId);
    }

    private static Long sequence(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            long sequence = Long.parseLong(raw.trim());
            if (sequence >= 1) {
                return sequence;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.invalid("sequence", "must be a sequence number of the topic, 1 or more");
    }

    private static ApiProblem notParked(String topicId) {
        return ApiProblem.notFound("Topic " + topicId + " is not parked.");
    }
}

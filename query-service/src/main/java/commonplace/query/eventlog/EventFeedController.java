package commonplace.query.eventlog;

import commonplace.query.eventlog.EventFeedQueries.Line;
import commonplace.query.topics.KnownTopics;
import commonplace.query.web.Ids;
import commonplace.query.web.Positions;
import commonplace.web.openapi.ProblemAnswers;
import commonplace.web.problem.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code GET /api/v1/topics/{topicId}/events}: the replay feed, the topic's envelopes in sequence order as NDJSON,
 * byte for byte as they were on Kafka. Streamed in keyset chunks, so a long topic never sits in memory; {@code after}
 * (a position) resumes a feed.
 */
@RestController
@Tag(name = "events", description = "A topic's events as recorded")
class EventFeedController {

    static final String NDJSON = "application/x-ndjson";
    private static final int CHUNK = 1000;
    private static final byte[] NEWLINE = {'\n'};

    private static final Logger log = LoggerFactory.getLogger(EventFeedController.class);

    private final EventFeedQueries queries;
    private final KnownTopics topics;

    EventFeedController(EventFeedQueries queries, KnownTopics topics) {
        this.queries = queries;
        this.topics = topics;
    }

    @Operation(summary = "Every event of a topic as NDJSON, one envelope per line, from after a position on")
    @ApiResponse(responseCode = "200", description = "one event envelope (docs/events.md) per line",
            content = @Content(mediaType = NDJSON, schema = @Schema(type = "string")))
    @ProblemAnswers(ProblemType.NOT_FOUND)
    @GetMapping("/api/v1/topics/{topicId}/events")
    void events(@PathVariable String topicId, @RequestParam(required = false) String after,
                HttpServletResponse response) {
        Ids.topicId(topicId);
        long from = after == null ? 0 : Positions.afterSequence(after, topicId);
        topics.require(topicId);
        // the feed ends where the log stood when the request came in, even if events keep arriving
        long last = queries.lastSequence(topicId).orElse(0);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(NDJSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try {
            stream(topicId, from, last, response.getOutputStream());
        } catch (IOException e) {
            // the client went away mid-feed; nothing to answer
            log.debug("Event feed of {} ended early: {}", topicId, e.toString());
        }
    }

    private void stream(String topicId, long from, long last, OutputStream out) throws IOException {
        long position = from;
        while (position < last) {
            List<Line> lines = queries.chunk(topicId, position, last, CHUNK);
            if (lines.isEmpty()) {
                break;
            }
            for (Line line : lines) {
                out.write(oneLine(line.envelope()).getBytes(StandardCharsets.UTF_8));
                out.write(NEWLINE);
            }
            out.flush();
            position = lines.get(lines.size() - 1).sequence();
        }
    }

    /**
     * Line breaks can only be insignificant whitespace in a JSON document (inside strings they are escaped), so a
     * producer that pretty-printed its envelope still yields one envelope per line.
     */
    private static String oneLine(String envelope) {
        return envelope.indexOf('\n') < 0 && envelope.indexOf('\r') < 0 ? envelope
                : envelope.replace('\n', ' ').replace('\r', ' ');
    }
}

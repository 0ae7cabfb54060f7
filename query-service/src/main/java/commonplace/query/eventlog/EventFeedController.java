package commonplace.query.eventlog;

import commonplace.events.EventEnvelope;
import commonplace.events.UnreadableEventException;
import commonplace.events.privacy.KeysUnavailableException;
import commonplace.query.eventlog.EventFeedQueries.Line;
import commonplace.query.privacy.PublicRedaction;
import commonplace.query.privacy.QueryKeys;
import commonplace.query.privacy.SealedEnvelopes;
import commonplace.query.topics.KnownTopics;
import commonplace.query.web.AdminOption;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /api/v1/topics/{topicId}/events}: the replay feed, the topic's envelopes in sequence order as NDJSON.
 * Envelopes are stored sealed, as they arrived, and served in decrypted form: a field whose writer was erased is named
 * in {@code withheld} ({@code erased}), and so is every text of a retracted comment and every retraction reason
 * ({@code retracted}) and every lock reason ({@code private}, {@link PublicRedaction}), unless an admin asks for them
 * with {@code includeRetracted=true}. A plaintext envelope with nothing to withhold is served byte for byte as it was
 * on Kafka. Streamed in keyset chunks, so a long topic never sits in memory; {@code after} (a position) resumes a feed.
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
    private final QueryKeys keys;

    EventFeedController(EventFeedQueries queries, KnownTopics topics, QueryKeys keys) {
        this.queries = queries;
        this.topics = topics;
        this.keys = keys;
    }

    @Operation(summary = "Every event of a topic as NDJSON, one envelope per line, from after a position on")
    @ApiResponse(responseCode = "200", description = "one event envelope (docs/events.md) per line",
            content = @Content(mediaType = NDJSON, schema = @Schema(type = "string")))
    @ProblemAnswers(ProblemType.NOT_FOUND)
    @GetMapping("/api/v1/topics/{topicId}/events")
    void events(@PathVariable String topicId, @RequestParam(required = false) String after,
                @RequestParam(name = AdminOption.INCLUDE_RETRACTED, required = false) String includeRetracted,
                HttpServletResponse response) {
        Ids.topicId(topicId);
        long from = after == null ? 0 : Positions.afterSequence(after, topicId);
        boolean retractedToo = AdminOption.includeRetracted(includeRetracted);
        topics.require(topicId);
        // the feed ends where the log stood when the request came in, even if events keep arriving
        long last = queries.lastSequence(topicId).orElse(0);
        // read after the end: a comment retracted meanwhile is withheld too, never the other way round
        Set<String> retracted = retractedToo ? Set.of() : queries.retractedComments(topicId);
        // the first chunk is opened before the answer starts, so that a key endpoint that is down is a 503
        List<Line> first = from < last ? queries.chunk(topicId, from, last, CHUNK) : List.of();
        List<String> firstLines = publicLines(first, retracted, retractedToo);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(NDJSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try {
            stream(topicId, first, firstLines, last, retracted, retractedToo, response.getOutputStream());
        } catch (IOException | KeysUnavailableException e) {
            // the client went away mid-feed, or the keys did: the feed ends early (a client resumes with after)
            log.debug("Event feed of {} ended early: {}", topicId, e.toString());
        }
    }

    private void stream(String topicId, List<Line> lines, List<String> publicLines, long last, Set<String> retracted,
                        boolean retractedToo, OutputStream out) throws IOException {
        while (!lines.isEmpty()) {
            for (String line : publicLines) {
                out.write(oneLine(line).getBytes(StandardCharsets.UTF_8));
                out.write(NEWLINE);
            }
            out.flush();
            long position = lines.get(lines.size() - 1).sequence();
            lines = position < last ? queries.chunk(topicId, position, last, CHUNK) : List.of();
            publicLines = publicLines(lines, retracted, retractedToo);
        }
    }

    /** Each stored envelope as this reader may see it. */
    private List<String> publicLines(List<Line> lines, Set<String> retracted, boolean retractedToo) {
        List<String> shown = new ArrayList<>(lines.size());
        for (Line line : lines) {
            boolean sealed = SealedEnvelopes.maySeal(line.envelope());
            if (!sealed && (retractedToo || !PublicRedaction.mayRedact(line.type(), retracted))) {
                shown.add(line.envelope());
                continue;
            }
            EventEnvelope open;
            try {
                open = SealedEnvelopes.open(line.envelope(), keys);
            } catch (UnreadableEventException e) {
                // it was readable when it was applied: what cannot be read now is left out rather than shown raw
                log.warn("Event {} of the feed is no longer readable; left out", line.sequence());
                continue;
            }
            EventEnvelope shownEnvelope = retractedToo ? open : PublicRedaction.redact(open, retracted);
            shown.add(!sealed && shownEnvelope == open ? line.envelope()
                    : new String(shownEnvelope.toJsonBytes(), StandardCharsets.UTF_8));
        }
        return shown;
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

package commonplace.query.atom;

import commonplace.query.atom.AtomDocument.Feed;
import commonplace.query.atom.FeedQueries.FeedAuthor;
import commonplace.query.atom.FeedQueries.FeedTopic;
import commonplace.query.web.ApiProblem;
import commonplace.query.web.Ids;
import commonplace.web.openapi.ProblemAnswers;
import commonplace.web.problem.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.nio.charset.StandardCharsets;

/**
 * Atom feeds (RFC 4287) of a topic's and of an author's comments, newest change first, linking to the topic's page.
 * Unknown topics and authors are 404 problems like everywhere else.
 */
@RestController
@Tag(name = "feeds", description = "Atom feeds of topics and authors")
class AtomFeedController {

    static final MediaType ATOM = new MediaType("application", "atom+xml", StandardCharsets.UTF_8);

    private final FeedQueries queries;

    AtomFeedController(FeedQueries queries) {
        this.queries = queries;
    }

    @Operation(summary = "A topic's latest comments as an Atom feed")
    @ApiResponse(responseCode = "200", description = "an Atom feed (RFC 4287)",
            content = @Content(mediaType = "application/atom+xml", schema = @Schema(type = "string")))
    @ProblemAnswers(ProblemType.NOT_FOUND)
    @GetMapping("/api/v1/topics/{topicId}/feed.atom")
    ResponseEntity<byte[]> topicFeed(@PathVariable String topicId) {
        Ids.topicId(topicId);
        FeedTopic topic = queries.topic(topicId).orElseThrow(() -> ApiProblem.notFound("No topic " + topicId + "."));
        String base = baseUrl();
        Feed feed = new Feed("urn:commonplace:topic:" + topicId, topic.title() == null ? topicId : topic.title(),
                topic.updated(), base + "/api/v1/topics/" + topicId + "/feed.atom", base + "/t/" + topicId, base);
        return atom(AtomDocument.write(feed, queries.topicEntries(topicId), FeedText.ENGLISH));
    }

    @Operation(summary = "An author's latest comments as an Atom feed")
    @ApiResponse(responseCode = "200", description = "an Atom feed (RFC 4287)",
            content = @Content(mediaType = "application/atom+xml", schema = @Schema(type = "string")))
    @ProblemAnswers(ProblemType.NOT_FOUND)
    @GetMapping("/api/v1/authors/{authorId}/feed.atom")
    ResponseEntity<byte[]> authorFeed(@PathVariable String authorId) {
        Ids.authorId(authorId);
        FeedAuthor author = queries.author(authorId)
                .orElseThrow(() -> ApiProblem.notFound("No activity of author " + authorId + "."));
        String base = baseUrl();
        Feed feed = new Feed("urn:commonplace:author:" + authorId,
                FeedText.ENGLISH.authorFeedTitle().formatted(author.name()), author.updated(),
                base + "/api/v1/authors/" + authorId + "/feed.atom", base + "/", base);
        return atom(AtomDocument.write(feed, queries.authorEntries(authorId), FeedText.ENGLISH));
    }

    private static ResponseEntity<byte[]> atom(byte[] document) {
        return ResponseEntity.ok().contentType(ATOM).cacheControl(CacheControl.noCache().cachePublic()).body(document);
    }

    /** This service as the client addressed it (scheme, host, port, behind a proxy its forwarded address). */
    private static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}

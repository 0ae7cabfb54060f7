package commonplace.query.page;

import commonplace.query.page.PageQueries.TopicHeading;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The two HTML pages: {@code GET /t/{topicId}} (the widget on a minimal page, with the topic's title) and
 * {@code GET /} (the most active topics). Everything a person wrote is HTML-escaped into the page; the pages run
 * only this service's own scripts and styles (a Content-Security-Policy says so to the browser).
 */
@RestController
@Tag(name = "pages", description = "Server-rendered pages for people and search engines")
class PageController {

    private static final int INDEX_SIZE = 50;
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final PageQueries queries;
    private final WidgetSettings settings;

    PageController(PageQueries queries, WidgetSettings settings) {
        this.queries = queries;
        this.settings = settings;
    }

    @Operation(summary = "A topic's page: its discussion rendered, with the widget for live updates and writing")
    @ApiResponse(responseCode = "200", description = "an HTML page",
            content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
    @ProblemAnswers(ProblemType.NOT_FOUND)
    @GetMapping("/t/{topicId}")
    ResponseEntity<String> topic(@PathVariable String topicId,
                                 @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        Ids.topicId(topicId);
        TopicHeading topic = queries.topic(topicId).orElseThrow(() -> ApiProblem.notFound("No topic " + topicId + "."));
        return html(PageHtml.topic(topic, PageText.forLanguages(language)));
    }

    @Operation(summary = "The index page: the most active topics")
    @ApiResponse(responseCode = "200", description = "an HTML page",
            content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
    @GetMapping("/")
    ResponseEntity<String> index(@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        List<TopicHeading> topics = queries.mostActive(INDEX_SIZE);
        return html(PageHtml.index(topics, PageText.forLanguages(language)));
    }

    private ResponseEntity<String> html(String page) {
        return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noCache())
                .header("Content-Security-Policy", contentSecurityPolicy())
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "strict-origin-when-cross-origin")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .body(page);
    }

    /** Own scripts and styles only; reads from here, writes to the command service, nothing else anywhere. */
    private String contentSecurityPolicy() {
        URI command = URI.create(settings.commandPublicUrl());
        String commandOrigin = command.getScheme() + "://" + command.getRawAuthority();
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self' " + commandOrigin + "; base-uri 'none'; form-action 'none'; "
                + "frame-ancestors 'self'";
    }
}

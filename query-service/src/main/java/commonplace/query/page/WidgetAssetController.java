package commonplace.query.page;

import commonplace.query.page.WidgetAssets.Asset;
import commonplace.query.web.ApiProblem;
import commonplace.web.openapi.ConditionalRead;
import commonplace.web.openapi.ProblemAnswers;
import commonplace.web.problem.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import java.time.Duration;
import java.util.Map;

/**
 * Serves the widget: {@code /embed.js} (what a site includes), its modules and styles under {@code /widget/}, and
 * {@code /widget/config.json} (where the widget sends writes). Assets are gzipped when the client accepts it and
 * revalidated by ETag after five minutes, so a new release reaches every page within minutes.
 */
@RestController
@Tag(name = "widget", description = "The embeddable widget: its script, modules and settings")
class WidgetAssetController {

    private static final CacheControl FIVE_MINUTES = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final WidgetAssets assets;
    private final WidgetSettings settings;

    WidgetAssetController(WidgetAssets assets, WidgetSettings settings) {
        this.assets = assets;
        this.settings = settings;
    }

    @Operation(summary = "The widget's loader script, for <script src> on any page")
    @ApiResponse(responseCode = "200", description = "JavaScript",
            content = @Content(mediaType = "text/javascript", schema = @Schema(type = "string")))
    @ConditionalRead
    @GetMapping("/embed.js")
    ResponseEntity<byte[]> embed(HttpServletRequest request, WebRequest webRequest) {
        return serve("/embed.js", request, webRequest);
    }

    @Operation(summary = "One of the widget's modules or style sheets")
    @ApiResponse(responseCode = "200", description = "JavaScript or CSS", content = {
            @Content(mediaType = "text/javascript", schema = @Schema(type = "string")),
            @Content(mediaType = "text/css", schema = @Schema(type = "string"))})
    @ConditionalRead
    @ProblemAnswers(ProblemType.NOT_FOUND)
    @GetMapping("/widget/{file:[a-z0-9-]+\\.(?:js|css)}")
    ResponseEntity<byte[]> module(@PathVariable String file, HttpServletRequest request, WebRequest webRequest) {
        return serve("/widget/" + file, request, webRequest);
    }

    /** What the widget needs to know that its script's address does not tell: where the command service is. */
    @Operation(summary = "The widget's settings: where the command service answers (commandUrl)")
    @GetMapping("/widget/config.json")
    ResponseEntity<Map<String, String>> config() {
        return ResponseEntity.ok().cacheControl(FIVE_MINUTES)
                .body(Map.of("commandUrl", settings.commandPublicUrl()));
    }

    private ResponseEntity<byte[]> serve(String path, HttpServletRequest request, WebRequest webRequest) {
        Asset asset = assets.find(path).orElseThrow(() -> ApiProblem.notFound("No widget file " + path + "."));
        boolean gzip = acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        // each encoding is a representation of its own, with an entity tag of its own
        String etag = gzip ? asset.gzippedEtag() : asset.etag();
        if (webRequest.checkNotModified(etag)) {
            return ResponseEntity.status(304).cacheControl(FIVE_MINUTES).header(HttpHeaders.VARY,
                    HttpHeaders.ACCEPT_ENCODING).build();
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().contentType(asset.mediaType()).eTag(etag)
                .cacheControl(FIVE_MINUTES).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .header("X-Content-Type-Options", "nosniff");
        if (gzip) {
            return answer.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(asset.gzipped());
        }
        return answer.body(asset.plain());
    }

    /** gzip unless the client said {@code gzip;q=0}; anything unparsable means no. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",", 20)) {
            String[] coding = part.trim().split(";", 2);
            if (coding[0].trim().equalsIgnoreCase("gzip")) {
                return coding.length == 1 || !coding[1].replace(" ", "").matches("q=0(\\.0{0,3})?");
            }
        }
        return false;
    }
}

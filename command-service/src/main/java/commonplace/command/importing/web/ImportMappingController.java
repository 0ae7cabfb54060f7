package commonplace.command.importing.web;

import commonplace.command.identity.Author;
import commonplace.command.importing.SourceFormat;
import commonplace.command.importing.mapping.MappingFile;
import commonplace.command.importing.run.ImportMappings;
import commonplace.command.importing.run.ImportService;
import commonplace.web.openapi.ProblemAnswers;
import commonplace.web.problem.ProblemException;
import commonplace.web.problem.ProblemType;
import commonplace.web.request.RequestSizeLimitFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;

/**
 * {@code /api/v1/admin/import-mappings/{format}[?site=key]}: the mapping file (CSV, {@code source,topicId} lines) that
 * every import of that format and site goes by, stored byte for byte once {@link MappingFile#read} accepts it, up to
 * {@code COMMONPLACE_IMPORT_MAPPING_MAX_BYTES}. Admins only (the security chain's rule for /api/v1/admin); 404 like the
 * imports when imports are off.
 */
@RestController
@RequestMapping("/api/v1/admin/import-mappings")
@Tag(name = "imports", description = "Imports of Disqus and WordPress exports (docs/import.md)")
@ProblemAnswers(ProblemType.NOT_FOUND)
class ImportMappingController {

    static final String TEXT_CSV = "text/csv";
    private static final MediaType CSV_UTF8 = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final ObjectProvider<ImportService> imports;
    private final ImportMappings mappings;

    ImportMappingController(ObjectProvider<ImportService> imports, ImportMappings mappings) {
        this.imports = imports;
        this.mappings = mappings;
    }

    record StoredMapping(String format, String site, int bytes) {
    }

    @Operation(summary = "Store the mapping file imports of this format (and site) go by, replacing any",
            requestBody = @RequestBody(required = true, description = "the mapping file: UTF-8 text, one"
                    + " source,topicId per line, # starts a comment", content = @Content(mediaType = TEXT_CSV,
                    schema = @Schema(type = "string"))))
    @ApiResponse(responseCode = "201", description = "stored; there was none before",
            content = @Content(schema = @Schema(implementation = StoredMapping.class)))
    @ApiResponse(responseCode = "200", description = "stored in place of the one before",
            content = @Content(schema = @Schema(implementation = StoredMapping.class)))
    @ProblemAnswers({ProblemType.INVALID_MAPPING, ProblemType.PAYLOAD_TOO_LARGE, ProblemType.UNSUPPORTED_MEDIA_TYPE})
    @PutMapping(path = "/{format}", consumes = TEXT_CSV)
    ResponseEntity<StoredMapping> store(@PathVariable String format, @Parameter(description = "the site key of the"
            + " imports it is for (as in ?site= of an import)") @RequestParam(required = false) String site,
                                        @AuthenticationPrincipal Author admin, HttpServletRequest request) {
        service();
        SourceFormat sourceFormat = format(format);
        String siteKey = SiteKey.of(site);
        byte[] content;
        try (InputStream body = request.getInputStream()) {
            content = body.readAllBytes();
        } catch (IOException e) {
            if (RequestSizeLimitFilter.causedByOversizedBody(e)) {
                throw RequestSizeLimitFilter.tooLarge(e);
            }
            throw new ProblemException(ProblemType.MALFORMED_REQUEST,
                    "the request body could not be read to its end; nothing was stored");
        }
        boolean created;
        try {
            created = mappings.store(sourceFormat, siteKey, content, admin.id());
        } catch (MappingFile.InvalidMappingException e) {
            throw new ProblemException(ProblemType.INVALID_MAPPING, e.getMessage() + "; nothing was stored");
        }
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new StoredMapping(sourceFormat.key(), siteKey, content.length));
    }

    @Operation(summary = "The stored mapping file, byte for byte as it was sent")
    @ApiResponse(responseCode = "200", description = "the mapping file",
            content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string")))
    @GetMapping(path = "/{format}", produces = TEXT_CSV)
    ResponseEntity<byte[]> find(@PathVariable String format, @RequestParam(required = false) String site) {
        service();
        SourceFormat sourceFormat = format(format);
        String siteKey = SiteKey.of(site);
        byte[] content = mappings.find(sourceFormat, siteKey).orElseThrow(() -> none(sourceFormat, siteKey));
        return ResponseEntity.ok().contentType(CSV_UTF8).body(content);
    }

    @Operation(summary = "Remove the stored mapping file: later imports derive every topic id")
    @ApiResponse(responseCode = "204", description = "removed")
    @DeleteMapping("/{format}")
    ResponseEntity<Void> delete(@PathVariable String format, @RequestParam(required = false) String site) {
        service();
        SourceFormat sourceFormat = format(format);
        String siteKey = SiteKey.of(site);
        if (!mappings.delete(sourceFormat, siteKey)) {
            throw none(sourceFormat, siteKey);
        }
        return ResponseEntity.noContent().build();
    }

    private static SourceFormat format(String format) {
        // exactly as spelled in the path: the body limit of a PUT is named per path
        return SourceFormat.byKey(format).filter(known -> known.key().equals(format))
                .orElseThrow(() -> ProblemException.invalid("format", "must be disqus or wordpress"));
    }

    private static ProblemException none(SourceFormat format, String site) {
        return new ProblemException(ProblemType.NOT_FOUND, "no mapping file is stored for " + format.key()
                + (site.isEmpty() ? "" : " site " + site));
    }

    /** Imports off, mappings off: the same 404 and reason as the imports endpoint. */
    private void service() {
        if (imports.getIfAvailable() == null) {
            throw new ProblemException(ProblemType.NOT_FOUND,
                    "imports are off on this service: COMMONPLACE_IMPORT_SECRET is not set");
        }
    }
}

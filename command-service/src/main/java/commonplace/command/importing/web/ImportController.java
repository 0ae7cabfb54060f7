package commonplace.command.importing.web;

import commonplace.command.identity.Author;
import commonplace.command.importing.ImportFormatException;
import commonplace.command.importing.SourceFormat;
import commonplace.command.importing.mapping.MappingFile;
import commonplace.command.importing.run.ImportReport;
import commonplace.command.importing.run.ImportRuns;
import commonplace.command.importing.run.ImportService;
import commonplace.web.problem.ProblemException;
import commonplace.web.problem.ProblemType;
import commonplace.web.request.RequestSizeLimitFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * {@code POST /api/v1/admin/imports?format=disqus|wordpress[&site=key]} with the export as the body (XML, up to
 * {@code COMMONPLACE_IMPORT_MAX_BYTES}): read and staged while it arrives, then 202 with the import's address, where
 * {@code GET} shows its state, counts and report. An export that cannot be read as a whole is refused with a problem
 * that says why and where, and nothing is recorded. Admins only (the security chain's rule for /api/v1/admin).
 */
@RestController
@RequestMapping("/api/v1/admin/imports")
class ImportController {

    private static final Pattern IMPORT_ID = Pattern.compile("imp_[A-Za-z0-9_-]{22}");

    private final ObjectProvider<ImportService> imports;
    private final ImportRuns runs;

    ImportController(ObjectProvider<ImportService> imports, ImportRuns runs) {
        this.imports = imports;
        this.runs = runs;
    }

    record ImportStarted(String importId) {
    }

    @PostMapping(consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    ResponseEntity<ImportStarted> start(@RequestParam(required = false) String format,
                                        @RequestParam(required = false) String site,
                                        @AuthenticationPrincipal Author admin, HttpServletRequest request)
            throws IOException {
        ImportService service = service();
        SourceFormat sourceFormat = SourceFormat.byKey(format).orElseThrow(() -> ProblemException.invalid("format",
                "must be disqus or wordpress"));
        String siteKey = SiteKey.of(site);
        String importId;
        try (InputStream export = request.getInputStream()) {
            importId = service.start(sourceFormat, siteKey, export, admin);
        } catch (ImportFormatException e) {
            throw refusal(e);
        } catch (MappingFile.InvalidMappingException e) {
            // stored files were checked; this is one an older, laxer reader accepted
            throw new ProblemException(ProblemType.INVALID_MAPPING, "the mapping file stored for this format and site"
                    + " is no longer valid (" + e.getMessage() + "); store a corrected one; nothing was imported");
        } catch (RuntimeException e) {
            if (RequestSizeLimitFilter.causedByOversizedBody(e)) {
                throw RequestSizeLimitFilter.tooLarge(e);
            }
            throw e;
        }
        return ResponseEntity.accepted()
                .location(UriComponentsBuilder.fromPath("/api/v1/admin/imports/{importId}").build(importId))
                .body(new ImportStarted(importId));
    }

    @GetMapping("/{importId}")
    ImportReport report(@PathVariable String importId) {
        service();
        if (!IMPORT_ID.matcher(importId).matches()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "no import " + importId.length() + " characters long"
                    + " has that shape; an import id is imp_ and 22 characters");
        }
        return runs.find(importId).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "no import " + importId));
    }

    private ImportService service() {
        ImportService service = imports.getIfAvailable();
        if (service == null) {
            throw new ProblemException(ProblemType.NOT_FOUND,
                    "imports are off on this service: COMMONPLACE_IMPORT_SECRET is not set");
        }
        return service;
    }

    private static ProblemException refusal(ImportFormatException e) {
        if (RequestSizeLimitFilter.causedByOversizedBody(e)) {
            return RequestSizeLimitFilter.tooLarge(e);
        }
        ProblemException answer = switch (e.problem()) {
            case WRONG_FORMAT -> new ProblemException(ProblemType.WRONG_EXPORT_FORMAT, e.getMessage());
            case UNREADABLE -> new ProblemException(ProblemType.MALFORMED_REQUEST,
                    "the request body could not be read to its end; nothing was imported");
            default -> new ProblemException(ProblemType.UNREADABLE_EXPORT, e.getMessage() + "; nothing was imported");
        };
        answer.withProperty("problem", e.problem().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        if (e.line() > 0) {
            answer.withProperty("line", e.line()).withProperty("column", e.column());
        }
        return answer;
    }
}

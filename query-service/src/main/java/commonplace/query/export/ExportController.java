package commonplace.query.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import commonplace.events.EventEnvelope;
import commonplace.events.UnreadableEventException;
import commonplace.events.privacy.KeyServiceClient;
import commonplace.query.privacy.QueryKeys;
import commonplace.query.privacy.SealedEnvelopes;
import commonplace.query.web.AdminOption;
import commonplace.query.web.ApiProblem;
import commonplace.query.web.Ids;
import commonplace.web.openapi.ApiComponents;
import commonplace.web.problem.ProblemType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/v1/authors/{authorId}/export}: everything the author did and wrote, as one JSON document
 * ({@link AuthorExport}), for the author's own token or an admin's: 401 without a token, 403 for anyone else, 404 for
 * an author with no activity. Private: {@code Cache-Control: no-store}.
 */
@RestController
@SecurityRequirement(name = ApiComponents.BEARER_JWT)
class ExportController {

    private static final int KEY_BATCH = 500;

    private final ExportQueries queries;
    private final QueryKeys keys;

    ExportController(ExportQueries queries, QueryKeys keys) {
        this.queries = queries;
        this.keys = keys;
    }

    @GetMapping("/api/v1/authors/{authorId}/export")
    ResponseEntity<ObjectNode> export(@PathVariable String authorId) {
        Ids.authorId(authorId);
        JwtAuthenticationToken token = AdminOption.requireToken();
        if (!authorId.equals(token.getToken().getSubject()) && !AdminOption.isAdmin(token)) {
            throw new ApiProblem(ProblemType.FORBIDDEN, "an export is for its author or an admin");
        }
        List<String> stored = queries.envelopes(authorId);
        if (stored.isEmpty()) {
            throw ApiProblem.notFound("No activity of author " + authorId + ".");
        }
        List<EventEnvelope> envelopes = new ArrayList<>(stored.size());
        List<Boolean> sealed = new ArrayList<>(stored.size());
        for (String json : stored) {
            try {
                envelopes.add(EventEnvelope.fromJson(json.getBytes(StandardCharsets.UTF_8)));
                sealed.add(SealedEnvelopes.maySeal(json));
            } catch (UnreadableEventException e) {
                // readable when it was applied; an envelope of a type since withdrawn is left out
            }
        }
        List<String> keyIds = new ArrayList<>(KeyServiceClient.keyIdsOf(envelopes));
        for (int from = 0; from < keyIds.size(); from += KEY_BATCH) {
            keys.prefetch(keyIds.subList(from, Math.min(keyIds.size(), from + KEY_BATCH)));
        }
        List<EventEnvelope> opened = new ArrayList<>(envelopes.size());
        for (int i = 0; i < envelopes.size(); i++) {
            opened.add(sealed.get(i) ? envelopes.get(i).decrypted(keys) : envelopes.get(i));
        }
        ObjectNode export = AuthorExport.of(authorId, opened, queries.commentStates(authorId), Instant.now());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore())
                .header("Content-Disposition", "attachment; filename=\"commonplace-export-" + authorId + ".json\"")
                .body(export);
    }
}

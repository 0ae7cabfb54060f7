package commonplace.command.privacy;

import commonplace.command.privacy.DataKeyStore.KeyStatus;
import commonplace.events.privacy.DataKey;
import commonplace.events.privacy.KeyLookup;
import commonplace.web.openapi.ApiComponents;
import commonplace.web.openapi.ProblemAnswers;
import commonplace.web.problem.ProblemException;
import commonplace.web.problem.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The key endpoint for trusted consumers: one data key by id, or the keys of a whole poll batch in one call. An
 * erased key is answered as erased (410 alone, listed under {@code erased} in a batch) so that the consumer forgets
 * it; keys are never cached by HTTP caches. Every answer is audited.
 */
@RestController
@Tag(name = "keys", description = "Data keys for trusted consumers of the feed (a token with the key-reader role)")
@SecurityRequirement(name = ApiComponents.BEARER_JWT)
@ProblemAnswers({ProblemType.FORBIDDEN, ProblemType.KEY_STORE_UNREADABLE})
class KeyController {

    static final int MAX_BATCH = 500;

    private final DataKeyStore store;
    private final KeyAccessAudit audit;

    KeyController(DataKeyStore store, KeyAccessAudit audit) {
        this.store = store;
        this.audit = audit;
    }

    /** One data key as served: its id, its author, the algorithm it seals with, and its material in base64url. */
    record ServedKey(String keyId, String authorId, String algorithm, String key) {

        static ServedKey of(DataKey key) {
            return new ServedKey(key.keyId(), key.authorId(), "AES-256-GCM", key.materialBase64());
        }
    }

    record ErasedKey(String keyId, Instant erasedAt) {
    }

    record LookupRequest(List<String> keyIds) {
    }

    record LookupAnswer(List<ServedKey> keys, List<ErasedKey> erased, List<String> unknown) {
    }

    @Operation(summary = "One data key by id (410 once erased: forget it and what it decrypted)")
    @ApiResponse(responseCode = "200", description = "the key",
            content = @Content(schema = @Schema(implementation = ServedKey.class)))
    @ProblemAnswers({ProblemType.NOT_FOUND, ProblemType.KEY_ERASED})
    @GetMapping("/api/v1/keys/{keyId}")
    ResponseEntity<Object> key(@PathVariable String keyId, Authentication caller) {
        if (!DataKey.isKeyId(keyId)) {
            throw new InvalidKeyRequestException("keyId", "must be a data key id (dk_ and 22 base64url characters)");
        }
        KeyStatus status = store.findAll(List.of(keyId)).get(keyId);
        audit.served(caller.getName(), List.of(keyId), status.lookup() instanceof KeyLookup.Found ? 1 : 0,
                status.lookup() instanceof KeyLookup.Erased ? 1 : 0,
                status.lookup() instanceof KeyLookup.Unknown ? 1 : 0);
        if (status.lookup() instanceof KeyLookup.Found found) {
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(ServedKey.of(found.key()));
        }
        if (status.lookup() instanceof KeyLookup.Erased) {
            throw new ProblemException(ProblemType.KEY_ERASED,
                    "data key " + keyId + " was destroyed: forget it and everything you decrypted with it")
                    .withProperty("keyId", keyId).withProperty("erasedAt", status.erasedAt().toString());
        }
        throw new ProblemException(ProblemType.NOT_FOUND, "no data key " + keyId);
    }

    @Operation(summary = "The keys of a whole poll batch: served, erased and unknown ids")
    @PostMapping(path = "/api/v1/keys/lookup", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<LookupAnswer> lookup(@RequestBody LookupRequest request, Authentication caller) {
        List<String> keyIds = validated(request);
        Map<String, KeyStatus> found = store.findAll(keyIds);
        List<ServedKey> served = new ArrayList<>();
        List<ErasedKey> erased = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        found.forEach((keyId, status) -> {
            if (status.lookup() instanceof KeyLookup.Found key) {
                served.add(ServedKey.of(key.key()));
            } else if (status.lookup() instanceof KeyLookup.Erased) {
                erased.add(new ErasedKey(keyId, status.erasedAt()));
            } else {
                unknown.add(keyId);
            }
        });
        audit.served(caller.getName(), keyIds, served.size(), erased.size(), unknown.size());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new LookupAnswer(served, erased, unknown));
    }

    private static List<String> validated(LookupRequest request) {
        if (request == null || request.keyIds() == null || request.keyIds().isEmpty()) {
            throw new InvalidKeyRequestException("keyIds", "must list 1.." + MAX_BATCH + " data key ids");
        }
        if (request.keyIds().size() > MAX_BATCH) {
            throw new InvalidKeyRequestException("keyIds", "must list at most " + MAX_BATCH + " data key ids");
        }
        for (int i = 0; i < request.keyIds().size(); i++) {
            if (!DataKey.isKeyId(request.keyIds().get(i))) {
                throw new InvalidKeyRequestException("keyIds[" + i + "]",
                        "must be a data key id (dk_ and 22 base64url characters)");
            }
        }
        return List.copyOf(new LinkedHashSet<>(request.keyIds()));
    }
}

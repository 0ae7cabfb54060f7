package commonplace.command.privacy;

import commonplace.command.identity.Author;
import commonplace.events.Identifiers;
import commonplace.web.problem.ProblemException;
import commonplace.web.problem.ProblemType;
import commonplace.web.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/authors/{authorId}/erasure}: by the author's own token or an admin's. 202 with the erasure's id
 * and opaque position once the author's keys are destroyed (repeated: the same answer, nothing new recorded); 404 for
 * an author nothing is known of; 403 for anyone else; 409 {@code plaintext-events} while the author has events stored
 * before sealing.
 */
@RestController
class ErasureController {

    /** The answer: {@code position} is absent when the erasure spans no topic. */
    record ErasureAnswer(String erasureId, String position) {
    }

    private final Erasures erasures;

    ErasureController(Erasures erasures) {
        this.erasures = erasures;
    }

    @PostMapping("/api/v1/authors/{authorId}/erasure")
    ResponseEntity<ErasureAnswer> erase(@PathVariable String authorId, @AuthenticationPrincipal Author caller,
                                        Authentication authentication) {
        if (!Identifiers.isAuthorId(authorId)) {
            throw ProblemException.invalid("authorId", "must be 1..64 characters of [A-Za-z0-9._-]");
        }
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(authority -> Roles.ADMIN_AUTHORITY.equals(authority.getAuthority()));
        if (!admin && !caller.id().equals(authorId)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "only the author or an admin may erase an author");
        }
        Erasures.Erasure erasure = erasures.erase(authorId, caller.id());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new ErasureAnswer(erasure.erasureId(), erasure.position()));
    }
}

package commonplace.query.web;

import commonplace.web.problem.ProblemException;
import commonplace.web.problem.ProblemType;
import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * A request this service answers with a problem+json document instead of data: a problem of the shared catalogue
 * ({@link ProblemType}), named by its slug. A slug the catalogue lacks answers as the catalogue's general entry for
 * the status.
 */
public class ApiProblem extends ProblemException {

    /** One invalid input: which request field and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }

    private final transient List<FieldProblem> errors;

    public ApiProblem(HttpStatus status, String slug, String title, String detail, List<FieldProblem> errors) {
        super(ProblemType.fromSlug(slug).orElseGet(() -> ProblemType.forStatus(status)), detail,
                errors.stream().map(error -> new commonplace.web.problem.FieldProblem(error.field(), error.message()))
                        .toList());
        this.errors = List.copyOf(errors);
    }

    /** 400 for one bad query parameter or path segment. */
    public static ApiProblem invalid(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, ProblemType.VALIDATION_FAILED.slug(),
                ProblemType.VALIDATION_FAILED.title(), field + " " + message, List.of(new FieldProblem(field, message)));
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND.slug(), ProblemType.NOT_FOUND.title(), detail,
                List.of());
    }

    public HttpStatus status() {
        return problemType().status();
    }

    public String slug() {
        return problemType().slug();
    }

    public String title() {
        return problemType().title();
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}

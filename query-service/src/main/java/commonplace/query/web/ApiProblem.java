package commonplace.query.web;

import commonplace.web.problem.ProblemException;
import commonplace.web.problem.ProblemType;
import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * A request this service answers with a problem+json document instead of data: a problem of the shared catalogue
 * ({@link ProblemType}) with this request's detail.
 */
public class ApiProblem extends ProblemException {

    /** One invalid input: which request field and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }

    private final transient List<FieldProblem> errors;

    public ApiProblem(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    private ApiProblem(ProblemType type, String detail, List<FieldProblem> errors) {
        super(type, detail, errors.stream()
                .map(error -> new commonplace.web.problem.FieldProblem(error.field(), error.message())).toList());
        this.errors = List.copyOf(errors);
    }

    /** 400 for one bad query parameter or path segment. */
    public static ApiProblem invalid(String field, String message) {
        return new ApiProblem(ProblemType.VALIDATION_FAILED, field + " " + message,
                List.of(new FieldProblem(field, message)));
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(ProblemType.NOT_FOUND, detail);
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

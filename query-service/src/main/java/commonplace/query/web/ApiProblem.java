package commonplace.query.web;

import org.springframework.http.HttpStatus;

import java.util.List;

/** A request this service answers with a problem+json document instead of data. */
public class ApiProblem extends RuntimeException {

    /** One invalid input: which request field and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final List<FieldProblem> errors;

    public ApiProblem(HttpStatus status, String slug, String title, String detail, List<FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** 400 for one bad query parameter or path segment. */
    public static ApiProblem invalid(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid request",
                field + ": " + message, List.of(new FieldProblem(field, message)));
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}

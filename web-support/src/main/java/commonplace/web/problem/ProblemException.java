package commonplace.web.problem;

import org.springframework.web.ErrorResponseException;

import java.util.List;

/**
 * A refusal answered with a problem of the catalogue; Spring MVC answers it as the {@code ErrorResponse} it is.
 * Extra properties ({@code currentRevision}) and headers ({@code Retry-After}, {@code ETag}) travel with it. No
 * stack trace is taken: a refusal is an answer, not a failure, and a client can cause as many as it likes.
 */
public class ProblemException extends ErrorResponseException {

    private final transient ProblemType problemType;
    private final transient List<FieldProblem> fieldProblems;

    public ProblemException(ProblemType problemType, String detail) {
        this(problemType, detail, List.of());
    }

    public ProblemException(ProblemType problemType, String detail, List<FieldProblem> fieldProblems) {
        super(problemType.status(), problemType.problem(detail), null);
        this.problemType = problemType;
        this.fieldProblems = List.copyOf(fieldProblems);
        if (!this.fieldProblems.isEmpty()) {
            getBody().setProperty("errors", this.fieldProblems);
        }
    }

    /** 400 for invalid fields: the detail names the only one, or counts them. */
    public static ProblemException invalid(List<FieldProblem> problems) {
        String detail = problems.size() == 1 ? problems.get(0).field() + " " + problems.get(0).message()
                : "the request has " + problems.size() + " invalid fields";
        return new ProblemException(ProblemType.VALIDATION_FAILED, detail, problems);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldProblem(field, message)));
    }

    /** Adds a property to the answer, e.g. {@code currentRevision}. */
    public ProblemException withProperty(String name, Object value) {
        getBody().setProperty(name, value);
        return this;
    }

    /** Adds a header to the answer, e.g. {@code Retry-After}. */
    public ProblemException withHeader(String name, String value) {
        getHeaders().set(name, value);
        return this;
    }

    public ProblemType problemType() {
        return problemType;
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /** The detail, as the client reads it. */
    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}

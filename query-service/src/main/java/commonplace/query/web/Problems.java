package commonplace.query.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;

/** Builds the problem documents of this service: {@code type} is always {@code urn:commonplace:problem:<slug>}. */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:commonplace:problem:";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + slug));
        problem.setTitle(title);
        return problem;
    }

    static ProblemDetail of(ApiProblem problem) {
        ProblemDetail document = of(problem.status(), problem.slug(), problem.title(), problem.getMessage());
        if (!problem.errors().isEmpty()) {
            document.setProperty("errors", List.copyOf(problem.errors()));
        }
        return document;
    }

    /** The slug for a status the framework answered on its own (unknown path, wrong method, ...). */
    static String slugFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 503 -> "service-unavailable";
            default -> status.is5xxServerError() ? "internal-error" : "request-failed";
        };
    }
}

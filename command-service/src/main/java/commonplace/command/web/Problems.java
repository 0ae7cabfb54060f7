package commonplace.command.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/** Builds the contract's problem answers: {@code type} is {@code urn:commonplace:problem:<slug>}. */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:commonplace:problem:";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + slug));
        problem.setTitle(title);
        return problem;
    }
}

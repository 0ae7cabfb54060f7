package commonplace.web.security;

import commonplace.web.problem.ProblemType;
import commonplace.web.problem.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

import java.io.IOException;

/**
 * Spring's CORS checks, with a refused cross-origin request (an origin, method or header the service does not allow,
 * an empty or malformed {@code Origin}) answered as a 403 problem of the catalogue instead of the plain text
 * "Invalid CORS request".
 */
public class ProblemCorsProcessor extends DefaultCorsProcessor {

    private final ProblemWriter problems;

    public ProblemCorsProcessor(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getBody().write(problems.toJson(ProblemType.FORBIDDEN.problem(
                "this origin may not send this request here (cross-origin request refused)")));
        response.flush();
    }
}

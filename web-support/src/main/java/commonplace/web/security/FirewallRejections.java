package commonplace.web.security;

import commonplace.web.problem.ProblemException;
import commonplace.web.problem.ProblemType;
import commonplace.web.problem.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;

/**
 * Requests Spring Security's firewall refuses (a {@code ;}, {@code //}, {@code ..} or {@code %25} in the path, an
 * encoded slash, odd characters) get a 400 problem, not Spring Boot's error JSON.
 */
class FirewallRejections implements RequestRejectedHandler {

    private final ProblemWriter problems;

    FirewallRejections(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        problems.write(request, response, new ProblemException(ProblemType.MALFORMED_REQUEST,
                "the request URL is not acceptable"));
    }
}

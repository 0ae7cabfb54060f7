package commonplace.web.security;

import commonplace.web.problem.ProblemException;
import commonplace.web.problem.ProblemType;
import commonplace.web.problem.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.util.Set;

/**
 * Requests Spring Security's firewall refuses (a {@code ;}, {@code //}, {@code ..} or {@code %25} in the path, an
 * encoded slash, odd characters) get a 400 problem, not Spring Boot's error JSON; a method no endpoint has (the
 * firewall lets only the standard ones through; TRACE, CONNECT, anything made up) gets 501, which RFC 9110 gives to a
 * method the server supports for no resource.
 */
class FirewallRejections implements RequestRejectedHandler {

    /** What {@code StrictHttpFirewall} lets through by default. */
    private static final Set<String> STANDARD_METHODS = Set.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST",
            "PUT");

    private final ProblemWriter problems;

    FirewallRejections(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        if (!STANDARD_METHODS.contains(request.getMethod())) {
            problems.write(response, new ProblemException(ProblemType.NOT_IMPLEMENTED,
                    ProblemType.NOT_IMPLEMENTED.defaultDetail()));
            return;
        }
        // the path is not repeated: it is what was refused
        problems.write(response, new ProblemException(ProblemType.MALFORMED_REQUEST,
                "the request URL is not acceptable: no ; // .. %25, encoded slashes or control characters"));
    }
}

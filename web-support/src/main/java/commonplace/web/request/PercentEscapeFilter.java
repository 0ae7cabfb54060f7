package commonplace.web.request;

import commonplace.web.problem.ProblemException;
import commonplace.web.problem.ProblemType;
import commonplace.web.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A request URL with a {@code %} that starts no escape of two hex digits is refused with a 400 before anything
 * parses it. Tomcat refuses one in the path itself, but not in a path parameter ({@code /;%}), which it strips before
 * decoding; Spring then decodes the raw URL ahead of the security firewall, and again when answering, and fails with
 * a 500 either time.
 */
public class PercentEscapeFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    public PercentEscapeFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!wellEscaped(request.getRequestURI())) {
            // the URL is not repeated in the answer: it is what was refused
            problems.write(response, new ProblemException(ProblemType.MALFORMED_REQUEST,
                    "the request URL is not acceptable: every % must start an escape of two hex digits"));
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean wellEscaped(String url) {
        if (url == null) {
            return true;
        }
        for (int at = url.indexOf('%'); at >= 0; at = url.indexOf('%', at + 3)) {
            if (at + 2 >= url.length() || !isHex(url.charAt(at + 1)) || !isHex(url.charAt(at + 2))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}

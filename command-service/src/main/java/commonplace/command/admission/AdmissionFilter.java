package commonplace.command.admission;

import commonplace.web.problem.ProblemType;
import commonplace.web.problem.ProblemWriter;
import io.micrometer.core.instrument.Counter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The admission limit in front of the command path: every write to {@code /api/v1/topics} and
 * {@code /api/v1/comments} takes a place of the {@link AdmissionLimit} before anything else is done for it (token,
 * body, command) and gives it back when answered. A write that finds no place answers 503 {@code overloaded} with
 * {@code Retry-After}, from bytes made once: refusing must stay cheaper than the work it saves.
 */
final class AdmissionFilter extends OncePerRequestFilter {

    private final AdmissionLimit limit;
    private final String retryAfterSeconds;
    private final byte[] refusal;
    private final Counter refused;

    AdmissionFilter(AdmissionLimit limit, int retryAfterSeconds, ProblemWriter problems, Counter refused) {
        this.limit = limit;
        this.retryAfterSeconds = String.valueOf(retryAfterSeconds);
        this.refusal = problems.toJson(ProblemType.OVERLOADED.problem());
        this.refused = refused;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return true;
        }
        String path = request.getRequestURI();
        return !(path.startsWith("/api/v1/topics/") || path.startsWith("/api/v1/comments/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = limit.tryEnter();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            refused.increment();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setContentLength(refusal.length);
            response.getOutputStream().write(refusal);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            limit.release();
        }
    }
}

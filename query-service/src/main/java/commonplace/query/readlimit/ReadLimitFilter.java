package commonplace.query.readlimit;

import commonplace.web.problem.ProblemException;
import commonplace.web.problem.ProblemType;
import commonplace.web.problem.ProblemWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Limits anonymous reads (GET and HEAD) per client address ({@link ReadLimitSettings}): over the limit a read is
 * answered 429 with {@code Retry-After} and a problem document, before anything else works on it. Health probes are
 * never limited (a load balancer probes from one address). Counted as {@code commonplace.reads.limited}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ReadLimitFilter extends OncePerRequestFilter {

    private final boolean enabled;
    private final ClientAddresses addresses;
    private final ReadLimiter limiter;
    private final ProblemWriter problems;
    private final Counter limited;

    ReadLimitFilter(ReadLimitSettings settings, ProblemWriter problems, MeterRegistry meters) {
        this.enabled = settings.perMinute() > 0;
        this.addresses = new ClientAddresses(settings);
        this.limiter = new ReadLimiter(Math.max(1, settings.perMinute()), settings.maxClients(), System::nanoTime);
        this.problems = problems;
        this.limited = Counter.builder("commonplace.reads.limited")
                .description("Anonymous reads answered 429: over the limit per client address").register(meters);
        Gauge.builder("commonplace.reads.limited.clients", limiter, ReadLimiter::clients)
                .description("Client addresses the read limit remembers").register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !enabled || !isLimited(request.getMethod(), request.getRequestURI());
    }

    /** Whether a request of {@code method} to {@code path} counts against the limit: reads, but health probes. */
    static boolean isLimited(String method, String path) {
        return ("GET".equals(method) || "HEAD".equals(method)) && !path.startsWith("/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = addresses.of(request);
        long waitNanos = addresses.isUnlimited(client) ? 0 : limiter.tryRead(client);
        if (waitNanos == 0) {
            chain.doFilter(request, response);
            return;
        }
        limited.increment();
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + TimeUnit.SECONDS.toNanos(1) - 1));
        problems.write(request, response, new ProblemException(ProblemType.RATE_LIMITED,
                "too many reads from this address; try again in " + retryAfter + " s")
                .withHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter)));
    }
}

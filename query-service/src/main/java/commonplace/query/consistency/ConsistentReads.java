package commonplace.query.consistency;

import commonplace.events.ConsistencyPosition;
import commonplace.events.privacy.ErasurePosition;
import commonplace.query.erasure.ErasureProgress;
import commonplace.query.consistency.AppliedPositions.Reached;
import commonplace.query.consistency.AppliedPositions.Standing;
import commonplace.query.web.ApiProblem;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.context.request.async.WebAsyncManager;
import org.springframework.web.context.request.async.WebAsyncUtils;
import org.springframework.web.servlet.AsyncHandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Read-your-writes for every read of the API: {@code ?consistentWith=<position>} holds the request until the
 * position's event is applied (for an erasure's position: its {@code AuthorErased} in every topic it spans), at most the configured timeout (5 s), and then answers anyway with
 * {@code X-Commonplace-Stale: true}. What a forged position can cost is bounded:
 * <ul>
 *   <li>where the path names a topic, the position must be of that topic (else 400);</li>
 *   <li>a parked topic answers at once, with {@code X-Commonplace-Parked: true} as well;</li>
 *   <li>a sequence more than {@code consistency-max-ahead} beyond what the topic has applied answers stale at once:
 *       the consumer could not apply that many events of one topic within the wait;</li>
 *   <li>waiting holds no request thread (the request is suspended as Servlet async processing and dispatched again
 *       when the position is reached or the time is up), and at most {@code consistency-max-waiters} requests wait at
 *       once; beyond that a request answers stale at once.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ConsistentReads implements WebMvcConfigurer {

    static final String PARAMETER = "consistentWith";
    /** The reads that take {@code consistentWith}. */
    static final String PATHS = "/api/v1/**";
    static final String STALE_HEADER = "X-Commonplace-Stale";
    static final String PARKED_HEADER = "X-Commonplace-Parked";
    private static final String TOPIC_VARIABLE = "topicId";

    /** The result of this interceptor's own asynchronous wait; anything else is a handler's own async result. */
    private record Waited(Reached reached) {
    }

    private final AppliedPositions positions;
    private final ErasureProgress erasures;
    private final Duration timeout;
    private final long maxAhead;
    private final Semaphore waiters;

    ConsistentReads(AppliedPositions positions, ErasureProgress erasures,
                    @Value("${commonplace.query.consistency-timeout:5s}") Duration timeout,
                    @Value("${commonplace.query.consistency-max-ahead:10000}") long maxAhead,
                    @Value("${commonplace.query.consistency-max-waiters:2000}") int maxWaiters) {
        this.positions = positions;
        this.erasures = erasures;
        this.timeout = timeout;
        this.maxAhead = maxAhead;
        this.waiters = new Semaphore(Math.max(0, maxWaiters));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AsyncHandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (request.getDispatcherType() == DispatcherType.ASYNC) {
                    return resumeAfterWaiting(request, response);
                }
                return request.getDispatcherType() != DispatcherType.REQUEST || answerOrWait(request, response);
            }
        }).addPathPatterns(PATHS);
    }

    /** True when the request goes on now; false when it was suspended to wait. */
    private boolean answerOrWait(HttpServletRequest request, HttpServletResponse response) {
        String requested = request.getParameter(PARAMETER);
        if (requested == null) {
            return true;
        }
        Optional<ErasurePosition> erasure = ErasurePosition.decode(requested);
        if (erasure.isPresent()) {
            return answerOrWaitFor(erasure.get(), request, response);
        }
        ConsistencyPosition position = ConsistencyPosition.decode(requested)
                .orElseThrow(() -> ApiProblem.invalid(PARAMETER, "is not a position this service issued"));
        String pathTopic = pathTopic(request);
        if (pathTopic != null && !pathTopic.equals(position.topicId())) {
            throw ApiProblem.invalid(PARAMETER, "is a position of another topic than the one read");
        }
        if (positions.appliedSequence(position.topicId()) >= position.sequence()) {
            return true;
        }
        Standing standing = positions.lookUp(position.topicId());
        if (standing.appliedSequence() >= position.sequence()) {
            return true;
        }
        if (standing.parked()) {
            mark(response, Reached.PARKED);
            return true;
        }
        if (position.sequence() - standing.appliedSequence() > maxAhead || !waiters.tryAcquire()) {
            mark(response, Reached.TIMED_OUT);
            return true;
        }
        return waitHoldingPermit(() -> positions.whenApplied(position.topicId(), position.sequence(), timeout),
                request, response);
    }

    /**
     * An erasure's position (it spans many topics): reached once its {@code AuthorErased} is applied in every topic it
     * names; waited for like any position, within the same bounds.
     */
    private boolean answerOrWaitFor(ErasurePosition erasure, HttpServletRequest request,
                                    HttpServletResponse response) {
        if (erasures.reached(erasure)) {
            return true;
        }
        if (!waiters.tryAcquire()) {
            mark(response, Reached.TIMED_OUT);
            return true;
        }
        return waitHoldingPermit(() -> erasures.whenReached(erasure, timeout)
                .thenApply(applied -> applied ? Reached.APPLIED : Reached.TIMED_OUT), request, response);
    }

    /**
     * Starts a wait with a waiter's permit already taken, and gives the permit back when the wait ends (or fails to
     * start); answers at once when the wait is already over, else suspends the request until it is.
     *
     * @return whether the request is answered now
     */
    private boolean waitHoldingPermit(Supplier<CompletableFuture<Reached>> wait, HttpServletRequest request,
                                      HttpServletResponse response) {
        CompletableFuture<Reached> reached;
        try {
            reached = wait.get();
        } catch (RuntimeException e) {
            waiters.release();
            throw e;
        }
        reached.whenComplete((result, failure) -> waiters.release());
        if (reached.isDone()) {
            mark(response, reached.getNow(Reached.TIMED_OUT));
            return true;
        }
        suspendUntil(request, response, reached);
        return false;
    }

    /**
     * Suspends the request without holding its thread: Spring MVC's asynchronous processing dispatches it again
     * once the future completes, and {@link #resumeAfterWaiting} lets the handler answer it then.
     */
    private void suspendUntil(HttpServletRequest request, HttpServletResponse response,
                              CompletableFuture<Reached> reached) {
        // a little longer than the future's own timeout, which completes it first
        DeferredResult<Waited> result = new DeferredResult<>(timeout.toMillis() + 1_000,
                () -> new Waited(Reached.TIMED_OUT));
        reached.thenAccept(outcome -> result.setResult(new Waited(outcome)));
        WebAsyncManager async = WebAsyncUtils.getAsyncManager(request);
        async.setAsyncWebRequest(WebAsyncUtils.createAsyncWebRequest(request, response));
        try {
            async.startDeferredResultProcessing(result);
        } catch (Exception e) {
            throw new IllegalStateException("the request could not be suspended", e);
        }
    }

    /** The dispatch after a wait: marks the answer, forgets the wait, and lets the handler answer as usual. */
    private boolean resumeAfterWaiting(HttpServletRequest request, HttpServletResponse response) {
        WebAsyncManager async = WebAsyncUtils.getAsyncManager(request);
        if (async.hasConcurrentResult() && async.getConcurrentResult() instanceof Waited waited) {
            async.clearConcurrentResult();
            mark(response, waited.reached());
        }
        return true;
    }

    private static void mark(HttpServletResponse response, Reached reached) {
        if (reached != Reached.APPLIED) {
            response.setHeader(STALE_HEADER, "true");
        }
        if (reached == Reached.PARKED) {
            response.setHeader(PARKED_HEADER, "true");
        }
    }

    @SuppressWarnings("unchecked")
    private static String pathTopic(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map ? ((Map<String, String>) map).get(TOPIC_VARIABLE) : null;
    }
}

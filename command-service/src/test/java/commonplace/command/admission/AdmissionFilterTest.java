package commonplace.command.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import commonplace.web.problem.ProblemWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admission limit as a filter of its own: writes beyond the places and the waiting line are refused with the
 * catalogue's 503 and Retry-After without reaching the chain; a place given back lets the next write in, a waiting
 * write that gets no place in time is refused, and reads never count.
 */
class AdmissionFilterTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Counter refused = new SimpleMeterRegistry().counter("refused");
    private final AtomicInteger reachedChain = new AtomicInteger();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private AdmissionFilter filter(int inFlight, int queued, Duration timeout) {
        return new AdmissionFilter(new AdmissionLimit(inFlight, queued, timeout), 1,
                new ProblemWriter(new ObjectMapper()), refused);
    }

    /** Holds a write inside the chain until {@code release} opens. */
    private Future<MockHttpServletResponse> holding(AdmissionFilter filter, CountDownLatch inside,
                                                    CountDownLatch release) {
        return threads.submit(() -> {
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(post("/api/v1/topics/t/comments"), response, (request, answer) -> {
                inside.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            return response;
        });
    }

    private final FilterChain counting = (request, response) -> reachedChain.incrementAndGet();

    @Test
    void a_write_beyond_the_limit_and_the_line_is_refused_as_overloaded_with_retry_after() throws Exception {
        AdmissionFilter filter = filter(1, 0, Duration.ZERO);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<MockHttpServletResponse> first = holding(filter, inside, release);
        inside.await(10, TimeUnit.SECONDS);

        MockHttpServletResponse refusedAnswer = new MockHttpServletResponse();
        filter.doFilter(post("/api/v1/comments/c/replies"), refusedAnswer, counting);

        assertThat(refusedAnswer.getStatus()).isEqualTo(503);
        assertThat(refusedAnswer.getContentType()).isEqualTo("application/problem+json");
        assertThat(refusedAnswer.getHeader("Retry-After")).isEqualTo("1");
        JsonNode problem = new ObjectMapper().readTree(refusedAnswer.getContentAsByteArray());
        assertThat(problem.path("type").asText()).isEqualTo("urn:commonplace:problem:overloaded");
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(reachedChain).hasValue(0);
        assertThat(refused.count()).isEqualTo(1);

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        MockHttpServletResponse afterwards = new MockHttpServletResponse();
        filter.doFilter(post("/api/v1/topics/t/comments"), afterwards, counting);
        assertThat(afterwards.getStatus()).as("the place was given back").isEqualTo(200);
        assertThat(reachedChain).hasValue(1);
    }

    @Test
    void a_waiting_write_gets_the_place_given_back() throws Exception {
        AdmissionFilter filter = filter(1, 1, Duration.ofSeconds(30));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        holding(filter, inside, release);
        inside.await(10, TimeUnit.SECONDS);

        Future<MockHttpServletResponse> waiting = threads.submit(() -> {
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(post("/api/v1/topics/t/comments"), response, counting);
            return response;
        });
        release.countDown();

        assertThat(waiting.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(reachedChain).hasValue(1);
    }

    @Test
    void a_waiting_write_that_gets_no_place_in_time_is_refused() throws Exception {
        AdmissionFilter filter = filter(1, 1, Duration.ofMillis(1));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        holding(filter, inside, release);
        inside.await(10, TimeUnit.SECONDS);

        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(post("/api/v1/topics/t/comments"), response, counting);
        release.countDown();

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(reachedChain).hasValue(0);
    }

    @Test
    void reads_and_other_paths_never_take_a_place() throws Exception {
        AdmissionFilter filter = filter(1, 0, Duration.ZERO);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        holding(filter, inside, release);
        inside.await(10, TimeUnit.SECONDS);

        MockHttpServletRequest read = new MockHttpServletRequest("GET", "/api/v1/topics/t");
        read.setRequestURI("/api/v1/topics/t");
        MockHttpServletResponse readAnswer = new MockHttpServletResponse();
        filter.doFilter(read, readAnswer, counting);
        MockHttpServletResponse admin = new MockHttpServletResponse();
        filter.doFilter(post("/api/v1/keys/lookup"), admin, counting);
        release.countDown();

        assertThat(readAnswer.getStatus()).isEqualTo(200);
        assertThat(admin.getStatus()).isEqualTo(200);
        assertThat(reachedChain).hasValue(2);
    }

    @Test
    void a_flood_of_writes_against_a_held_place_is_refused_without_any_waiting_line_growing() throws Exception {
        AdmissionFilter filter = filter(1, 2, Duration.ofMillis(1));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        holding(filter, inside, release);
        inside.await(10, TimeUnit.SECONDS);

        int refusedAnswers = 0;
        for (int i = 0; i < 1_000; i++) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(post("/api/v1/topics/t/comments"), response, counting);
            refusedAnswers += response.getStatus() == 503 ? 1 : 0;
        }
        release.countDown();

        assertThat(refusedAnswers).isEqualTo(1_000);
        assertThat(reachedChain).hasValue(0);
    }

    private static MockHttpServletRequest post(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setRequestURI(path);
        return request;
    }
}

package commonplace.command.topic.web;

import commonplace.command.support.Tokens;
import commonplace.testing.IsolatedInfrastructure;
import commonplace.testing.http.Http;
import commonplace.testing.http.Http.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-author rate limit counts the events a write records, not the requests, through the real HTTP API. At two
 * events a minute a refill takes 30 s, so each answer below is decided by what was charged, never by how fast the
 * test runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "commonplace.jwt.secret=" + Tokens.SECRET,
        "commonplace.rate-limit.per-minute=2"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriteCostTest {

    private static final IsolatedInfrastructure INFRA = IsolatedInfrastructure.forTestClass(WriteCostTest.class);
    private static final String TOPIC = "/api/v1/topics/costs";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.registerSpringProperties(registry);
    }

    @LocalServerPort
    int port;

    private Http http;

    @BeforeAll
    void aTopic() {
        http = new Http(port);
        assertThat(http.put(TOPIC, Tokens.author("opener", "Opener"), Map.of("title", "Kostnader")).status())
                .isEqualTo(201);
    }

    @Test
    void aCommentWithTenLinksCostsElevenEventsAndTheNextWriteWaitsForThem() {
        String linker = Tokens.author("linker", "Lenkesamler");
        String tenLinks = IntStream.rangeClosed(1, 10).mapToObj(i -> "https://example.com/" + i)
                .collect(Collectors.joining(" "));
        Response comment = http.post(TOPIC + "/comments", linker, Map.of("body", tenLinks));
        assertThat(comment.status()).as("one token of two lets the write in: %s", comment).isEqualTo(201);

        Response next = http.post(TOPIC + "/comments", linker, Map.of("body", "Og en til"));
        assertThat(next.status()).as("counted per request, one token would be left: %s", next).isEqualTo(429);
        assertThat(next.text("type")).isEqualTo("urn:commonplace:problem:rate-limited");
        assertThat(Long.parseLong(next.header("Retry-After")))
                .as("2 - 11 = -9: ten tokens short at two a minute, five minutes; twenty short if counted twice")
                .isBetween(240L, 300L);
    }

    @Test
    void aWriteThatRecordsOneEventCostsOne() {
        String plain = Tokens.author("plain", "Vanlig");
        assertThat(http.post(TOPIC + "/comments", plain, Map.of("body", "Første")).status()).isEqualTo(201);
        assertThat(http.post(TOPIC + "/comments", plain, Map.of("body", "Andre")).status()).isEqualTo(201);
        Response third = http.post(TOPIC + "/comments", plain, Map.of("body", "Tredje"));
        assertThat(third.status()).isEqualTo(429);
        assertThat(Long.parseLong(third.header("Retry-After"))).isBetween(1L, 30L);
    }

    @Test
    void aRefusedWriteCostsItsRequestAndNothingMore() {
        String refused = Tokens.author("refused", "Avvist");
        assertThat(http.post(TOPIC + "/comments", refused, Map.of("body", " ")).status()).isEqualTo(400);
        assertThat(http.post(TOPIC + "/lock", refused, null).status()).isEqualTo(403);
        Response third = http.post(TOPIC + "/comments", refused, Map.of("body", "Nå riktig"));
        assertThat(third.status()).isEqualTo(429);
        assertThat(Long.parseLong(third.header("Retry-After"))).isBetween(1L, 30L);
    }
}

package commonplace.query;

import commonplace.testing.http.Http.Response;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anonymous reads per client address (600 a minute by default): this JVM's own reads are loopback and unlimited; a
 * test poses as other clients through the trusted proxy's header these tests configure.
 */
class ReadLimitTest extends QueryServiceTestBase {

    @Test
    void aClientOverItsReadsGets429WithRetryAfterWhileOthersAndLoopbackReadOn() {
        String path = "/api/v1/topics?limit=1";
        // the burst of 600 passes; the bucket refills at 10 a second, slower than this loop reads. Only the header's
        // last address counts, the one the proxy saw: what a client wrote before it is not believed
        int allowed = 0;
        Response limited = readAs("198.51.100.1, 203.0.113.7", path);
        while (limited.status() == 200 && allowed < 5_000) {
            allowed++;
            limited = readAs("198.51.100.1, 203.0.113.7", path);
        }
        assertThat(allowed).isGreaterThanOrEqualTo(600);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        assertThat(limited.json().get("type").asText()).isEqualTo("urn:commonplace:problem:rate-limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(readAs("198.51.100.1", path).status()).isEqualTo(200);
        assertThat(readAs("203.0.113.8", path).status()).isEqualTo(200);
        // a header that names no address leaves the connection's own: loopback, unlimited
        assertThat(readAs("not-an-address", path).status()).isEqualTo(200);
        assertThat(get(path).status()).isEqualTo(200);
        assertThat(readAs("203.0.113.7", "/actuator/health").status()).isEqualTo(200);
        assertThat(getAsAdmin("/actuator/prometheus").body()).contains("commonplace_reads_limited_total");
    }

    private Response readAs(String forwardedFor, String path) {
        return call("GET", path).header("X-Forwarded-For", forwardedFor).send();
    }
}

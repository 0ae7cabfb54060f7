package commonplace.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LoadGeneratorTest {

    @Test
    void at_a_fixed_rate_a_stall_is_charged_to_every_request_queued_behind_it() throws Exception {
        // 100/s for 1 s with one client; the first request stalls 300 ms, so the next ~30 start up to 290 ms late
        LoadGenerator.Result result = LoadGenerator.run(1, 100, Duration.ZERO, Duration.ofSeconds(1), (client, index) -> {
            if (index == 0) {
                Thread.sleep(300);
            }
            return 200;
        });

        assertThat(result.succeeded()).isEqualTo(100);
        // a closed-loop measurement would report one slow request; the corrected one reports many
        assertThat(result.latencyMicros().getValueAtPercentile(85)).isGreaterThan(100_000);
    }

    @Test
    void a_fixed_rate_run_slower_than_its_rate_stops_at_its_cutoff_and_charges_what_it_never_sent() throws Exception {
        // 100/s for 1 s, but one client needs 50 ms a request: about 24 fit before the cutoff 200 ms after the end
        LoadGenerator.Result result = LoadGenerator.run(1, 100, Duration.ZERO, Duration.ofSeconds(1), Long.MAX_VALUE,
                Duration.ofMillis(200), (client, index) -> {
                    Thread.sleep(50);
                    return 201;
                });

        assertThat(result.succeeded() + result.notSent()).isEqualTo(100);
        assertThat(result.notSent()).isGreaterThan(50);
        assertThat(result.latencyMicros().getTotalCount()).isEqualTo(100);
        assertThat(result.millis(50)).as("the unsent waited at least until the cutoff").isGreaterThan(400);
        assertThat(result.throughput()).isLessThan(30);
    }

    @Test
    void failures_are_counted_by_status() throws Exception {
        LoadGenerator.Result result = LoadGenerator.run(2, 200, Duration.ZERO, Duration.ofMillis(500),
                (client, index) -> index % 2 == 0 ? 201 : 409);

        assertThat(result.statuses()).containsOnlyKeys(201, 409);
        assertThat(result.failed()).isEqualTo(result.statuses().get(409));
    }
}

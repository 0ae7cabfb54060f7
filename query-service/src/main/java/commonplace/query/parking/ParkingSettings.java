package commonplace.query.parking;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * When an event that cannot be applied parks its topic.
 *
 * @param attempts     how often an event is tried before its topic is parked (at least 1); a database that does not
 *                     answer at all is waited for instead, and never counts
 * @param firstBackoff the pause before the second attempt, doubled before each further one
 */
@ConfigurationProperties("commonplace.query.parking")
public record ParkingSettings(@DefaultValue("3") int attempts, @DefaultValue("200ms") Duration firstBackoff) {

    public static ParkingSettings defaults() {
        return new ParkingSettings(3, Duration.ofMillis(200));
    }

    public ParkingSettings {
        attempts = Math.max(1, attempts);
        firstBackoff = firstBackoff == null || firstBackoff.isNegative() ? Duration.ZERO : firstBackoff;
    }

    /** The pause after attempt {@code attempt} failed (1-based), at most 10 s. */
    public Duration backoffAfter(int attempt) {
        long millis = firstBackoff.toMillis() << Math.min(attempt - 1, 16);
        return Duration.ofMillis(Math.min(millis, 10_000));
    }
}

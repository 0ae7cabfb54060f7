package commonplace.query.parking;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * Parked topics on {@code /actuator/prometheus}: how many topics are parked and how many records wait behind them
 * (read at scrape time, at most once a second); admin actions are counted where they are recorded.
 */
@Component
class ParkingMetrics implements MeterBinder {

    private static final Duration MAX_AGE = Duration.ofSeconds(1);

    private final ParkedTopics parked;
    private ParkedTopics.Totals cached;
    private long cachedAtNanos;

    ParkingMetrics(ParkedTopics parked) {
        this.parked = parked;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "commonplace.parking.topics", "Topics parked at an event that could not be applied",
                ParkedTopics.Totals::topics);
        gauge(registry, "commonplace.parking.waiting", "Records waiting in the parked topics",
                ParkedTopics.Totals::waiting);
    }

    private void gauge(MeterRegistry registry, String name, String description,
                       ToDoubleFunction<ParkedTopics.Totals> value) {
        Gauge.builder(name, this, metrics -> {
            ParkedTopics.Totals totals = metrics.totals();
            return totals == null ? Double.NaN : value.applyAsDouble(totals);
        }).description(description).register(registry);
    }

    private synchronized ParkedTopics.Totals totals() {
        long now = System.nanoTime();
        if (cached == null || now - cachedAtNanos > MAX_AGE.toNanos()) {
            try {
                cached = parked.totals();
                cachedAtNanos = now;
            } catch (RuntimeException e) {
                // the database is away: the gauges say nothing rather than fail the scrape
                return null;
            }
        }
        return cached;
    }
}

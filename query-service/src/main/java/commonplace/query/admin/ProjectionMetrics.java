package commonplace.query.admin;

import commonplace.query.admin.ProjectionStatus.ReadModel;
import commonplace.query.consistency.AppliedPositions;
import commonplace.query.ingest.IngestStatus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import java.util.function.ToDoubleFunction;

/** The projection status as Micrometer meters (on /actuator/prometheus), tagged by read model where it applies. */
@Component
class ProjectionMetrics implements MeterBinder {

    private final ProjectionStatusQueries status;
    private final IngestStatus ingest;
    private final AppliedPositions positions;

    ProjectionMetrics(ProjectionStatusQueries status, IngestStatus ingest, AppliedPositions positions) {
        this.status = status;
        this.ingest = ingest;
        this.positions = positions;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        // only names here: the figures are read at scrape time, so start-up never waits for Kafka
        for (String name : status.readModelNames()) {
            gauge(registry, "commonplace.projection.lag.events", name, "Events on the Kafka topic not applied yet",
                    readModel -> orNaN(readModel.lagEvents()));
            gauge(registry, "commonplace.projection.lag.millis", name, "Age of the oldest unapplied event (approx.)",
                    readModel -> orNaN(readModel.lagMillis()));
            gauge(registry, "commonplace.projection.applied.events", name, "Events applied to the read model",
                    readModel -> readModel.position().appliedEvents());
        }
        Gauge.builder("commonplace.deadletters", status, service -> service.current().deadLetters())
                .description("Records set aside as unreadable").register(registry);
        FunctionCounter.builder("commonplace.projection.duplicates.skipped", ingest, IngestStatus::skippedDuplicates)
                .description("Redelivered events skipped by their sequence").register(registry);
        Gauge.builder("commonplace.consistency.waiting", positions, AppliedPositions::waiting)
                .description("Requests waiting for their consistentWith position").register(registry);
        FunctionCounter.builder("commonplace.ingest.events.applied", ingest, IngestStatus::appliedEvents)
                .description("Events this instance applied").register(registry);
        FunctionCounter.builder("commonplace.ingest.events.parked", ingest, IngestStatus::parked)
                .description("Events this instance put in the waiting line of a parked topic").register(registry);
        FunctionCounter.builder("commonplace.ingest.topics.parked", ingest, IngestStatus::parkedTopics)
                .description("Topics this instance parked").register(registry);
    }

    private void gauge(MeterRegistry registry, String metric, String readModel, String description,
                       ToDoubleFunction<ReadModel> value) {
        Gauge.builder(metric, status, service -> service.current().readModels().stream()
                        .filter(model -> model.name().equals(readModel)).findFirst()
                        .map(value::applyAsDouble).orElse(Double.NaN))
                .tag("readModel", readModel).description(description).register(registry);
    }

    private static double orNaN(Long value) {
        return value == null ? Double.NaN : value;
    }
}

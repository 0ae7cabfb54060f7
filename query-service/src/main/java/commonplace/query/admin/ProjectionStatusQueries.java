package commonplace.query.admin;

import commonplace.query.admin.ProjectionStatus.ParkedTopicSummary;
import commonplace.query.admin.ProjectionStatus.PartitionPosition;
import commonplace.query.admin.ProjectionStatus.Position;
import commonplace.query.admin.ProjectionStatus.ReadModel;
import commonplace.query.admin.ProjectionStatus.ThisInstance;
import commonplace.query.ingest.BatchApplier;
import commonplace.query.ingest.DeadLetters;
import commonplace.query.ingest.IngestStatus;
import commonplace.query.ingest.KafkaSettings;
import commonplace.query.ingest.OffsetStore;
import commonplace.query.ingest.Projection;
import commonplace.query.parking.ParkedTopics;
import commonplace.query.rebuild.ProjectionRebuild;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Works out the projection status: stored offsets against the Kafka topic's end offsets (from a Kafka Admin client, so
 * the figures cover every instance of the group), applied events, dead letters, parked topics. Kept for a second, so
 * a metrics scrape reading several gauges asks the database and Kafka once.
 */
@Component
class ProjectionStatusQueries {

    private static final Logger log = LoggerFactory.getLogger(ProjectionStatusQueries.class);
    private static final Duration MAX_AGE = Duration.ofSeconds(1);
    private static final long KAFKA_TIMEOUT_MS = 2_000;
    static final int PARKED_TOPICS_SHOWN = 100;

    private final KafkaSettings kafka;
    private final Admin admin;
    private final OffsetStore offsets;
    private final DeadLetters deadLetters;
    private final IngestStatus ingest;
    private final List<String> readModels;
    private final JdbcTemplate jdbc;
    private final ProjectionRebuild rebuild;
    private final ParkedTopics parked;
    private final Clock clock;

    private ProjectionStatus cached;
    private Instant cachedAt = Instant.MIN;

    ProjectionStatusQueries(KafkaSettings kafka, Admin admin, OffsetStore offsets, DeadLetters deadLetters,
                            IngestStatus ingest, BatchApplier applier, JdbcTemplate jdbc, ProjectionRebuild rebuild,
                            ParkedTopics parked) {
        this.kafka = kafka;
        this.admin = admin;
        this.offsets = offsets;
        this.deadLetters = deadLetters;
        this.ingest = ingest;
        this.readModels = applier.projections().stream().map(Projection::name).toList();
        this.jdbc = jdbc;
        this.rebuild = rebuild;
        this.parked = parked;
        this.clock = Clock.systemUTC();
    }

    List<String> readModelNames() {
        return readModels;
    }

    synchronized ProjectionStatus current() {
        Instant now = clock.instant();
        if (cached == null || cachedAt.plus(MAX_AGE).isBefore(now)) {
            cached = compute(now);
            cachedAt = now;
        }
        return cached.withRebuild(rebuild.progress().orElse(null), rebuild.lastOutcome().orElse(null));
    }

    private ProjectionStatus compute(Instant now) {
        Map<Integer, Long> stored = new TreeMap<>(offsets.load(kafka.kafkaTopic()));
        // past the stored offset lie at most commit markers the consumer already skipped
        ingest.positions().forEach((partition, position) -> stored.merge(partition, position, Math::max));
        Optional<Map<Integer, Long>> ends = endOffsets();
        Map<Integer, Long> partitions = new TreeMap<>(stored);
        ends.ifPresent(end -> end.keySet().forEach(partition -> partitions.putIfAbsent(partition, 0L)));
        List<PartitionPosition> positions = new ArrayList<>();
        long lagEvents = 0;
        for (Map.Entry<Integer, Long> partition : partitions.entrySet()) {
            Long end = ends.map(known -> known.get(partition.getKey())).orElse(null);
            positions.add(new PartitionPosition(partition.getKey(), partition.getValue(), end));
            if (end != null) {
                lagEvents += Math.max(0, end - partition.getValue());
            }
        }
        Long appliedEvents = jdbc.queryForObject("select coalesce(sum(applied_events), 0) from topic_progress",
                Long.class);
        Position position = new Position(positions, appliedEvents == null ? 0 : appliedEvents);
        Long lag = ends.isPresent() ? lagEvents : null;
        Long lagMillis = ends.isPresent() ? lagMillis(lagEvents, now) : null;
        List<ReadModel> models = readModels.stream()
                .map(name -> new ReadModel(name, position, lag, lagMillis)).toList();
        List<ParkedTopicSummary> parkedTopics = parked.longestParked(PARKED_TOPICS_SHOWN).stream()
                .map(topic -> new ParkedTopicSummary(topic.topicId(), topic.reason(), topic.since())).toList();
        return new ProjectionStatus("live", kafka.kafkaTopic(), ends.isPresent(), models, deadLetters.count(), parkedTopics,
                new ThisInstance(ingest.appliedEvents(), ingest.skippedDuplicates(), ingest.deadLettered(),
                        ingest.batches()), null, null);
    }

    /**
     * How old the oldest unapplied event is, approximately: it happened after the last applied event and after the
     * consumer last found nothing new, so the time since the later of those two bounds it from above.
     */
    private Long lagMillis(long lagEvents, Instant now) {
        if (lagEvents == 0) {
            return 0L;
        }
        Instant caughtUp = ingest.lastCaughtUpAt();
        Instant applied = ingest.lastAppliedOccurredAt();
        Instant since = caughtUp == null ? applied : applied == null || caughtUp.isAfter(applied) ? caughtUp : applied;
        return since == null ? null : Math.max(0, Duration.between(since, now).toMillis());
    }

    private Optional<Map<Integer, Long>> endOffsets() {
        try {
            TopicDescription kafkaTopic = admin.describeTopics(List.of(kafka.kafkaTopic())).allTopicNames()
                    .get(KAFKA_TIMEOUT_MS, TimeUnit.MILLISECONDS).get(kafka.kafkaTopic());
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            kafkaTopic.partitions().forEach(partition ->
                    latest.put(new TopicPartition(kafka.kafkaTopic(), partition.partition()), OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResultInfo> found = admin
                    .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(KAFKA_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            Map<Integer, Long> ends = new TreeMap<>();
            found.forEach((partition, info) -> ends.put(partition.partition(), info.offset()));
            return Optional.of(ends);
        } catch (ExecutionException | TimeoutException e) {
            log.debug("End offsets of {} unavailable: {}", kafka.kafkaTopic(), e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}

package commonplace.query;

import commonplace.testing.http.Http.Response;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile time travel: many distinct instants of one topic cost one fold per state the topic had, not per instant. */
class TimeTravelBoundsTest extends QueryServiceTestBase {

    @Autowired
    MeterRegistry meters;

    @Test
    void manyDistinctInstantsFoldEachStateOnce() {
        TestTopic topic = TestTopic.named("many-instants");
        topic.open("Many instants", "instants-ada", "Ada");
        for (int i = 0; i < 20; i++) {
            topic.comment("c" + i + "-" + topic.topicId, "Kommentar " + i, "instants-ada", "Ada");
        }
        publish(topic.envelopes());
        awaitApplied(topic.topicId, topic.lastSequence());
        Instant start = topic.envelopes().get(0).occurredAt();
        double before = folds();

        // 21 events one second apart: 600 instants, 50 ms apart, name 21 states (and "before the first event")
        for (int i = -10; i < 590; i++) {
            Instant instant = start.plusMillis(50L * i);
            Response answer = get("/api/v1/topics/" + topic.topicId + "/thread?limit=500&asOf="
                    + encode(instant.toString()));
            if (instant.isBefore(start)) {
                assertThat(answer.status()).isEqualTo(404);
            } else {
                assertThat(answer.status()).isEqualTo(200);
                long seconds = (instant.toEpochMilli() - start.toEpochMilli()) / 1000;
                assertThat(answer.json().get("items").size()).isEqualTo((int) Math.min(20, seconds));
            }
        }
        assertThat(folds() - before).isLessThanOrEqualTo(21);
    }

    private double folds() {
        return meters.get("commonplace.query.asof.folds").gauge().value();
    }
}

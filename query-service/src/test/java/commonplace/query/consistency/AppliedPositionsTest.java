package commonplace.query.consistency;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;

import java.time.Duration;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class AppliedPositionsTest {

    private final AppliedPositions positions = new AppliedPositions(null);

    @Test
    void aWaiterIsCompletedByTheBatchThatReachesItsSequence() {
        CompletableFuture<Void> waiting = positions.whenApplied("t", 5);
        positions.batchCommitted(Map.of("t", 4L));
        assertThat(waiting).isNotDone();
        positions.batchCommitted(Map.of("other", 9L));
        assertThat(waiting).isNotDone();
        positions.batchCommitted(Map.of("t", 6L));
        assertThat(waiting).isCompleted();
        assertThat(positions.waiting()).isZero();
    }

    @Test
    void aWaitThatTimesOutLeavesNothingBehindForATopicNeverSeen() {
        JdbcTemplate nothingStored = new JdbcTemplate() {
            @Override
            public <T> T query(String sql, ResultSetExtractor<T> extractor, Object... args) {
                return null;
            }
        };
        AppliedPositions withDatabase = new AppliedPositions(nothingStored);
        assertThat(withDatabase.awaitApplied("ghost", 5, Duration.ofMillis(20))).isFalse();
        assertThat(withDatabase.waiting()).isZero();
        assertThat(withDatabase.knownTopics()).isZero();
    }

    @Test
    void aPositionAlreadyAppliedNeedsNoWaiting() {
        positions.batchCommitted(Map.of("t", 3L));
        assertThat(positions.whenApplied("t", 3)).isCompleted();
        assertThat(positions.whenApplied("t", 2)).isCompleted();
        // an older report never moves a topic back
        positions.batchCommitted(Map.of("t", 1L));
        assertThat(positions.appliedSequence("t")).isEqualTo(3);
    }
}

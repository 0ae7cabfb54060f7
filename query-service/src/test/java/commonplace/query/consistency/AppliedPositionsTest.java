package commonplace.query.consistency;

import commonplace.query.consistency.AppliedPositions.Reached;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AppliedPositionsTest {

    private final AppliedPositions positions = new AppliedPositions(null);

    @Test
    void aWaiterIsCompletedByTheBatchThatReachesItsSequence() {
        CompletableFuture<Reached> waiting = positions.whenApplied("t", 5);
        positions.batchCommitted(Map.of("t", 4L));
        assertThat(waiting).isNotDone();
        positions.batchCommitted(Map.of("other", 9L));
        assertThat(waiting).isNotDone();
        positions.batchCommitted(Map.of("t", 6L));
        assertThat(waiting).isCompletedWithValue(Reached.APPLIED);
        assertThat(positions.waiting()).isZero();
    }

    @Test
    void aTopicThatParksCompletesItsWaitersAtOnceAndNoOtherTopicsWaiters() {
        CompletableFuture<Reached> parked = positions.whenApplied("poisoned", 5, Duration.ofMinutes(5));
        CompletableFuture<Reached> elsewhere = positions.whenApplied("healthy", 5, Duration.ofMinutes(5));

        positions.topicsParked(Set.of("poisoned"));

        assertThat(parked).isCompletedWithValue(Reached.PARKED);
        assertThat(elsewhere).isNotDone();
        assertThat(positions.waiting()).isEqualTo(1);
    }

    @Test
    void aWaitThatTimesOutLeavesNothingBehindForATopicNeverSeen() {
        AppliedPositions withDatabase = new AppliedPositions(nothingStored());
        assertThat(withDatabase.awaitApplied("ghost", 5, Duration.ofMillis(20))).isFalse();
        assertThat(withDatabase.waiting()).isZero();
        assertThat(withDatabase.knownTopics()).isZero();
    }

    @Test
    void aTimedOutFutureIsForgottenWithoutHoldingAThread() {
        CompletableFuture<Reached> waiting = positions.whenApplied("slow", 3, Duration.ofMillis(20));

        await().atMost(Duration.ofSeconds(10)).until(waiting::isDone);

        assertThat(waiting).isCompletedWithValue(Reached.TIMED_OUT);
        await().atMost(Duration.ofSeconds(10)).until(() -> positions.knownTopics() == 0);
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

    private static JdbcTemplate nothingStored() {
        return new JdbcTemplate() {
            @Override
            public <T> T queryForObject(String sql, RowMapper<T> mapper, Object... args) {
                return null;
            }
        };
    }
}

package commonplace.query.thread;

import commonplace.web.problem.ProblemException;
import commonplace.web.problem.ProblemType;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AsOfFoldsTest {

    @Test
    void aStateIsFoldedOnceHoweverOftenItIsAskedFor() {
        AsOfFolds<String> folds = new AsOfFolds<>(1, 1000, value -> 1);
        for (int i = 0; i < 10_000; i++) {
            assertThat(folds.get("topic\n" + (i % 3), () -> "folded")).isEqualTo("folded");
        }
        assertThat(folds.folds()).isEqualTo(3);
    }

    @Test
    void beyondTheFoldsAllowedAtOnceARequestIsBusyNotQueued() throws Exception {
        AsOfFolds<String> folds = new AsOfFolds<>(1, 1000, value -> 1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> folds.get("slow", () -> {
            started.countDown();
            await(release);
            return "slow";
        }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> folds.get("another state", () -> "never"))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.problemType()).isEqualTo(ProblemType.TIME_TRAVEL_BUSY);
                    assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("1");
                });
        release.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("slow");
        // the refusal was not cached: the state is folded once a fold may run again
        assertThat(folds.get("another state", () -> "now")).isEqualTo("now");
        assertThat(folds.folds()).isEqualTo(2);
    }

    @Test
    void limitsArePositive() {
        assertThatThrownBy(() -> new AsOfFolds<Integer>(0, 100, events -> events))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AsOfFolds<Integer>(1, 0, events -> events))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

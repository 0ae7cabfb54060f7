package commonplace.command.importing.run;

import commonplace.command.importing.run.TopicPlan.Entry;
import commonplace.command.importing.run.TopicPlan.Staged;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class TopicPlanTest {

    private static final Instant T = Instant.parse("2019-03-01T18:00:00Z");

    @Test
    void commentsGoInSourceTimeOrderWithEveryParentBeforeItsReplies() {
        // the export lists the deepest reply first, and its clock put it before its parent
        List<Entry> order = TopicPlan.order(List.of(
                staged("104", "103", "post", 10),
                staged("101", null, "post", 1),
                staged("103", "102", "post", 30),
                staged("102", "101", "post", 20),
                staged("109", null, "post", 5)), TopicPlanTest::derived);

        assertThat(order).extracting(entry -> entry.comment().sourceId())
                .containsExactly("101", "109", "102", "103", "104");
        assertThat(order.get(4).parentCommentId()).isEqualTo("c-103");
        assertThat(order).allSatisfy(entry -> assertThat(entry.change()).isNull());
    }

    @Test
    void aReplyToASkippedCommentHangsUnderTheNearestKeptAncestorAndSaysSo() {
        List<Entry> order = TopicPlan.order(List.of(
                staged("1", null, "post", 1),
                staged("2", "1", "skip", 2),
                staged("3", "2", "skip", 3),
                staged("4", "3", "post", 4)), TopicPlanTest::derived);

        assertThat(order).extracting(entry -> entry.comment().sourceId()).containsExactly("1", "4");
        assertThat(order.get(1).parentCommentId()).isEqualTo("c-1");
        assertThat(order.get(1).change()).contains("nearest one that is");
    }

    @Test
    void aParentTheExportLacksIsLeftNamedForTheTopicToDecideAndSkippedRootsLeaveTheTop() {
        List<Entry> order = TopicPlan.order(List.of(
                staged("9009", "8888", "post", 1),
                staged("5", null, "skip", 2),
                staged("6", "5", "post", 3)), TopicPlanTest::derived);

        assertThat(order.get(0).parentCommentId()).isEqualTo("c-8888");
        assertThat(order.get(0).change()).isNull();
        assertThat(order.get(1).parentCommentId()).isNull();
        assertThat(order.get(1).change()).contains("kept at the top level");
    }

    @Test
    void repliesThatFormALoopAreAllPlacedOnceAndTheLoopIsBrokenAtTheTop() {
        List<Entry> loop = TopicPlan.order(List.of(
                staged("a", "b", "post", 1),
                staged("b", "a", "post", 2),
                staged("x", "y", "skip", 3),
                staged("y", "x", "skip", 4),
                staged("z", "x", "post", 5)), TopicPlanTest::derived);

        assertThat(loop).extracting(entry -> entry.comment().sourceId()).containsExactlyInAnyOrder("a", "b", "z");
        assertThat(loop.stream().filter(entry -> entry.comment().sourceId().equals("z")).findFirst().orElseThrow()
                .change()).contains("loop");
    }

    @Test
    void aChainTenThousandDeepListedBackwardsIsOrderedWithoutRecursion() {
        List<Staged> chain = new ArrayList<>();
        IntStream.range(0, 10_000).map(i -> 9_999 - i).forEach(i -> chain.add(
                staged(String.valueOf(i), i == 0 ? null : String.valueOf(i - 1), "post", 10_000 - i)));

        List<Entry> order = TopicPlan.order(chain, TopicPlanTest::derived);

        assertThat(order).extracting(entry -> entry.comment().sourceId())
                .containsExactlyElementsOf(IntStream.range(0, 10_000).mapToObj(String::valueOf).toList());
    }

    private static Staged staged(String sourceId, String parent, String action, int minute) {
        return new Staged(sourceId, parent, derived(sourceId), action, T.plusSeconds(60L * minute));
    }

    private static String derived(String sourceId) {
        return "c-" + sourceId;
    }
}

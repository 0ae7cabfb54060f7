package commonplace.query.thread;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.events.EventJson;
import commonplace.query.thread.CommentViews.ThreadComment;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadTreeTest {

    private final Map<String, CommentRow> rows = new HashMap<>();
    private long sequence;

    @Test
    void repliesNestDownToTheDisplayDepthAndDeeperOnesAreListedFlatInThreadOrder() {
        // r ─ a ─ b ─ c ─ d        (a chain)
        //         │   └ e          (e answers c, after d)
        //         └ f ─ g          (f answers b, after all of c's subtree)
        //   h                      (a second reply to r)
        CommentRow root = root("r");
        reply("a", "r");
        reply("b", "a");
        reply("c", "b");
        reply("h", "r");
        reply("d", "c");
        reply("f", "b");
        reply("e", "c");
        reply("g", "f");
        ThreadTree tree = tree(root);

        ThreadComment nestedTwo = tree.render(Map.of(), 2);
        assertThat(ids(nestedTwo.replies())).containsExactly("a", "h");
        ThreadComment b = nestedTwo.replies().get(0).replies().get(0);
        assertThat(b.commentId()).isEqualTo("b");
        assertThat(b.depth()).isEqualTo(2);
        // the order the fully nested tree shows them in: c, its replies d and e, then f and its reply g
        assertThat(ids(b.replies())).containsExactly("c", "d", "e", "f", "g");
        assertThat(b.replies()).allSatisfy(flat -> assertThat(flat.replies()).isEmpty());
        assertThat(b.replies()).extracting(ThreadComment::parentId).containsExactly("b", "c", "c", "b", "f");
        assertThat(b.replies()).extracting(ThreadComment::depth).containsExactly(3, 4, 4, 3, 4);
        assertThat(b.replies()).extracting(ThreadComment::replyCount).containsExactly(2, 0, 0, 1, 0);

        ThreadComment flat = tree.render(Map.of(), 0);
        assertThat(ids(flat.replies())).containsExactly("a", "b", "c", "d", "e", "f", "g", "h");

        ThreadComment nested = tree.render(Map.of(), 100);
        ThreadComment c = nested.replies().get(0).replies().get(0).replies().get(0);
        assertThat(ids(c.replies())).containsExactly("d", "e");
        assertThat(preOrder(nested)).isEqualTo(preOrder(nestedTwo)).isEqualTo(preOrder(flat));
    }

    @Test
    void theOrderComesFromTheTreeNotFromTheOrderRowsWereReadIn() {
        CommentRow root = root("r");
        reply("a", "r");
        reply("b", "a");
        reply("c", "r");
        List<CommentRow> shuffled = new ArrayList<>(rows.values());
        shuffled.remove(root);
        Collections.reverse(shuffled);
        ThreadComment answer = new ThreadTree(root, shuffled).render(Map.of(), 16);
        assertThat(ids(answer.replies())).containsExactly("a", "c");
        assertThat(ids(answer.replies().get(0).replies())).containsExactly("b");
    }

    @Test
    void aChainOfTwentyThousandRepliesRendersAndWritesAsShallowJson() throws Exception {
        CommentRow root = root("r");
        String parent = "r";
        for (int i = 1; i <= 20_000; i++) {
            reply("c" + i, parent);
            parent = "c" + i;
        }
        ThreadComment answer = tree(root).render(Map.of(), 16);

        JsonNode json = EventJson.mapper().readTree(EventJson.mapper().writeValueAsBytes(answer));
        JsonNode deepest = json;
        for (int depth = 1; depth <= 16; depth++) {
            assertThat(deepest.get("replies")).hasSize(1);
            deepest = deepest.get("replies").get(0);
        }
        assertThat(deepest.get("depth").asInt()).isEqualTo(16);
        JsonNode flat = deepest.get("replies");
        assertThat(flat).hasSize(20_000 - 16);
        assertThat(flat.get(0).get("commentId").asText()).isEqualTo("c17");
        assertThat(flat.get(0).get("parentId").asText()).isEqualTo("c16");
        assertThat(flat.get(flat.size() - 1).get("depth").asInt()).isEqualTo(20_000);
        assertThat(flat.get(flat.size() - 1).get("replyCount").asInt()).isZero();
    }

    @Test
    void aStoredPathNamesAncestorsDownToDepth32ThenTheCommentItself() {
        CommentRow parent = root("r");
        for (int depth = 1; depth <= 40; depth++) {
            parent = reply("c" + depth, parent.commentId);
            int segments = Math.min(depth, CommentRow.PATH_LEVELS + 1) + 1;
            assertThat(parent.path.split("\\.")).as("depth " + depth).hasSize(segments);
            assertThat(parent.path).endsWith(String.format("%019d", parent.sequence));
        }
        CommentRow thirtyTwo = rows.get("c32");
        assertThat(parent.path).startsWith(thirtyTwo.path + ".").hasSize(679);
        // below depth 32 comments sort under their ancestor at depth 32 by their own sequence
        assertThat(rows.get("c39").path.compareTo(rows.get("c40").path)).isNegative();
        assertThat(rows.get("c33").path.compareTo(rows.get("c34").path)).isNegative();
    }

    private CommentRow root(String id) {
        CommentRow row = new CommentRow(id, "t", null, id, CommentRow.rootPath(++sequence), 0, sequence, "ada", "Ada",
                Instant.EPOCH.plusSeconds(sequence));
        rows.put(id, row);
        return row;
    }

    private CommentRow reply(String id, String parentId) {
        CommentRow parent = rows.get(parentId);
        CommentRow row = new CommentRow(id, "t", parentId, parent.rootId, CommentRow.replyPath(parent, ++sequence),
                parent.depth + 1, sequence, "ada", "Ada", Instant.EPOCH.plusSeconds(sequence));
        parent.replyCount++;
        rows.put(id, row);
        return row;
    }

    private ThreadTree tree(CommentRow root) {
        List<CommentRow> descendants = rows.values().stream().filter(row -> row != root)
                .sorted((left, right) -> left.path.compareTo(right.path)).toList();
        return new ThreadTree(root, descendants);
    }

    private static List<String> ids(List<ThreadComment> comments) {
        return comments.stream().map(ThreadComment::commentId).toList();
    }

    private static List<String> preOrder(ThreadComment root) {
        List<String> order = new ArrayList<>();
        List<ThreadComment> toVisit = new ArrayList<>(List.of(root));
        while (!toVisit.isEmpty()) {
            ThreadComment next = toVisit.remove(toVisit.size() - 1);
            order.add(next.commentId());
            List<ThreadComment> replies = new ArrayList<>(next.replies());
            Collections.reverse(replies);
            toVisit.addAll(replies);
        }
        return order;
    }
}

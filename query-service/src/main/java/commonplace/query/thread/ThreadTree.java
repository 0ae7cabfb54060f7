package commonplace.query.thread;

import commonplace.query.thread.CommentViews.LinkView;
import commonplace.query.thread.CommentViews.ThreadComment;
import commonplace.query.web.Author;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A root comment and every reply below it, nested into the answer shape. The order comes from the tree itself
 * (parent ids, replies oldest first), so it does not depend on the order the rows were read in; the tree is walked
 * with a stack of its own, so no depth of replies can exhaust the thread's stack.
 *
 * @param descendants every reply below the root, in any order
 */
record ThreadTree(CommentRow root, List<CommentRow> descendants) {

    private static final Comparator<CommentRow> OLDEST_FIRST = Comparator.comparingLong(comment -> comment.sequence);

    /** The ids of every comment of the tree, root first: the ones whose links the answer needs. */
    List<String> commentIds() {
        List<String> ids = new ArrayList<>(descendants.size() + 1);
        ids.add(root.commentId);
        descendants.forEach(comment -> ids.add(comment.commentId));
        return ids;
    }

    /** The root with its replies nested, each comment with its links. */
    ThreadComment render(Map<String, List<LinkView>> links) {
        Map<String, List<CommentRow>> replies = new HashMap<>();
        for (CommentRow reply : descendants) {
            replies.computeIfAbsent(reply.parentId, id -> new ArrayList<>()).add(reply);
        }
        replies.values().forEach(ofOne -> ofOne.sort(OLDEST_FIRST));
        ThreadComment answer = view(root, links);
        Deque<Placed> toPlace = new ArrayDeque<>();
        pushRepliesOf(root, answer, replies, toPlace);
        while (!toPlace.isEmpty()) {
            Placed next = toPlace.pop();
            ThreadComment view = view(next.comment(), links);
            next.under().replies().add(view);
            pushRepliesOf(next.comment(), view, replies, toPlace);
        }
        return answer;
    }

    /** A comment still to be shown, and the comment whose replies it goes into. */
    private record Placed(CommentRow comment, ThreadComment under) {
    }

    private static void pushRepliesOf(CommentRow comment, ThreadComment under, Map<String, List<CommentRow>> replies,
                                      Deque<Placed> toPlace) {
        List<CommentRow> direct = replies.getOrDefault(comment.commentId, List.of());
        // pushed newest first, so the oldest is placed first and its own replies before its next sibling
        for (int i = direct.size() - 1; i >= 0; i--) {
            toPlace.push(new Placed(direct.get(i), under));
        }
    }

    private static ThreadComment view(CommentRow comment, Map<String, List<LinkView>> links) {
        return new ThreadComment(comment.commentId, comment.parentId, new Author(comment.authorId, comment.authorName),
                comment.body, comment.createdAt, comment.editedAt, comment.revision, comment.retracted,
                links.getOrDefault(comment.commentId, List.of()), comment.replyCount, new ArrayList<>());
    }
}

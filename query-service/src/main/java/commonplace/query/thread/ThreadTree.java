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
 * A root comment and every reply below it, in the answer shape: replies nest down to a display depth; below it they
 * are listed flat in the replies of their ancestor at that depth, in thread order (the order the nested tree would
 * show them in: each reply after the one it answers, replies oldest first), each with its own parentId and depth. So
 * only the nesting depends on the display depth, never the order, and no depth of replies makes the answer deeper
 * than the display depth.
 * <p>
 * The order comes from the tree itself (parent ids, sequences), not from the order the rows were read in, and the
 * tree is walked with a stack of its own, so a reply chain of any length cannot exhaust the thread's stack.
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

    /** The root with its replies nested down to {@code displayDepth}, each comment with its links. */
    ThreadComment render(Map<String, List<LinkView>> links, int displayDepth) {
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
            CommentRow comment = next.comment();
            ThreadComment view = view(comment, links);
            next.under().replies().add(view);
            // down to the display depth a comment's replies nest in it; below, they join the flat list it is in
            pushRepliesOf(comment, comment.depth <= displayDepth ? view : next.under(), replies, toPlace);
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
        return new ThreadComment(comment.commentId, comment.parentId, comment.depth,
                new Author(comment.authorId, comment.authorName),
                comment.body, comment.createdAt, comment.editedAt, comment.revision, comment.retracted,
                links.getOrDefault(comment.commentId, List.of()), comment.replyCount, new ArrayList<>());
    }
}

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
import java.util.Set;

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
        return render(links, displayDepth, Set.of());
    }

    /** As {@link #render(Map, int)}, with the texts of the {@code retractedSince} comments withheld as retracted. */
    ThreadComment render(Map<String, List<LinkView>> links, int displayDepth, Set<String> retractedSince) {
        Map<String, List<CommentRow>> replies = new HashMap<>();
        for (CommentRow reply : descendants) {
            replies.computeIfAbsent(reply.parentId, id -> new ArrayList<>()).add(reply);
        }
        replies.values().forEach(ofOne -> ofOne.sort(OLDEST_FIRST));
        ThreadComment answer = view(root, links, retractedSince);
        Deque<Placed> toPlace = new ArrayDeque<>();
        pushRepliesOf(root, answer, replies, toPlace);
        while (!toPlace.isEmpty()) {
            Placed next = toPlace.pop();
            CommentRow comment = next.comment();
            ThreadComment view = view(comment, links, retractedSince);
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

    private static ThreadComment view(CommentRow comment, Map<String, List<LinkView>> links,
                                      Set<String> retractedSince) {
        boolean hidden = retractedSince.contains(comment.commentId);
        return new ThreadComment(comment.commentId, comment.parentId, comment.depth,
                new Author(comment.authorId, comment.authorName),
                hidden ? null : comment.body, withheld(comment, hidden), comment.createdAt, comment.editedAt,
                comment.revision, comment.retracted,
                hidden ? List.of() : links.getOrDefault(comment.commentId, List.of()), comment.replyCount,
                new ArrayList<>());
    }

    /** Why the comment's text is not shown, or null when it is. */
    static String withheld(CommentRow comment, boolean retractedSince) {
        if (comment.bodyWithheld != null) {
            return comment.bodyWithheld;
        }
        return comment.retracted || retractedSince ? "retracted" : null;
    }
}

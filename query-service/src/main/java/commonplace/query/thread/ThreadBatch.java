package commonplace.query.thread;

import commonplace.events.CommentEdited;
import commonplace.events.CommentPosted;
import commonplace.events.CommentRetracted;
import commonplace.events.DiscussionEvent;
import commonplace.events.LinkOrigin;
import commonplace.events.LinkShared;
import commonplace.events.ReplyPosted;
import commonplace.query.ingest.AppliedEvent;
import commonplace.query.ingest.ArrayInsert;
import commonplace.query.ingest.ArrayInsert.Column;
import commonplace.query.ingest.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static commonplace.query.ingest.ArrayInsert.column;

/**
 * One batch of thread changes, folded in memory over the comments it touches, then written in a fixed order:
 * new comments, changed comments, revisions, the removals retractions and edits cause, new links. Revisions are
 * stored for edited comments only (the first edit stores the original too): most comments are never edited, and
 * their one revision is the comment's own row. Folded from no
 * comments at all over a topic's whole log it is the thread as of any instant ({@link ThreadAsOf}).
 * <p>
 * Every rule applies per event, so the outcome does not depend on where batches begin and end: a live batch of
 * 500 and a rebuild batch of 5,000 give the same tables.
 */
final class ThreadBatch {

    private static final Logger log = LoggerFactory.getLogger(ThreadBatch.class);
    /** The columns of {@link CommentRow#COLUMNS}, typed for {@link ArrayInsert}. */
    private static final List<Column> COMMENT_COLUMNS = List.of(column("comment_id", "text"),
            column("topic_id", "text"), column("parent_id", "text"), column("root_id", "text"), column("path", "text"),
            column("depth", "integer"), column("sequence", "bigint"), column("author_id", "text"),
            column("author_name", "text"), column("body", "text"), column("body_withheld", "text"),
            column("created_at", "timestamptz"),
            column("edited_at", "timestamptz"), column("revision", "integer"), column("retracted", "boolean"),
            column("reply_count", "integer"));
    private static final List<Column> REVISION_COLUMNS = List.of(column("comment_id", "text"),
            column("revision", "integer"), column("body", "text"), column("body_withheld", "text"),
            column("at", "timestamptz"));
    private static final List<Column> LINK_COLUMNS = List.of(column("comment_id", "text"), column("share_id", "text"),
            column("origin", "text"), column("url", "text"), column("normalized_url", "text"),
            column("domain", "text"), column("sequence", "bigint"), column("author_id", "text"));

    private record Revision(String commentId, int revision, String body, String bodyWithheld, Instant at) {
    }

    /** A link on a comment; {@code origin} is "body" (found in its text) or "share". */
    record Link(String commentId, String shareId, String origin, String url, String normalizedUrl, String domain,
                long sequence, String authorId) {

        boolean foundInBody() {
            return "body".equals(origin);
        }
    }

    private final Map<String, CommentRow> comments;
    private final Map<String, CommentRow> created = new LinkedHashMap<>();
    private final Set<String> changed = new LinkedHashSet<>();
    private final List<Revision> revisions = new ArrayList<>();
    /** Links added by this batch and still on their comment, in event order. */
    private final Map<String, Map<String, Link>> links = new LinkedHashMap<>();
    private final Set<String> retracted = new LinkedHashSet<>();
    /** The body after each edit of this batch, per comment: a link stored before must be in every one to stay. */
    private final Map<String, List<BodyLinks>> editedBodies = new LinkedHashMap<>();

    ThreadBatch(Map<String, CommentRow> existing) {
        this.comments = new HashMap<>(existing);
    }

    void apply(AppliedEvent applied) {
        DiscussionEvent event = applied.event();
        if (event instanceof CommentPosted posted) {
            String path = CommentRow.rootPath(applied.sequence());
            create(applied, new CommentRow(posted.commentId(), posted.topicId(), null, posted.commentId(), path, 0,
                    applied.sequence(), posted.authorId(), authorName(event), applied.shownAt()), posted.body(),
                    withheldBody(applied));
        } else if (event instanceof ReplyPosted reply) {
            CommentRow parent = find(reply.topicId(), reply.parentId(), applied);
            if (parent != null) {
                String path = CommentRow.replyPath(parent, applied.sequence());
                if (create(applied, new CommentRow(reply.commentId(), reply.topicId(), parent.commentId,
                        parent.rootId, path, parent.depth + 1, applied.sequence(), reply.authorId(),
                        authorName(event), applied.shownAt()), reply.body(), withheldBody(applied))) {
                    parent.replyCount++;
                    touch(parent);
                }
            }
        } else if (event instanceof CommentEdited edit) {
            CommentRow comment = find(edit.topicId(), edit.commentId(), applied);
            if (comment != null && !comment.retracted) {
                if (comment.revision == 1) {
                    // the first edit stores the original beside it: an unedited comment's row is its one revision
                    revisions.add(new Revision(comment.commentId, 1, comment.body, comment.bodyWithheld,
                            comment.createdAt));
                }
                comment.body = edit.body();
                comment.bodyWithheld = withheldBody(applied);
                comment.revision = edit.revision();
                comment.editedAt = applied.shownAt();
                revisions.add(new Revision(comment.commentId, edit.revision(), edit.body(), comment.bodyWithheld,
                        applied.shownAt()));
                BodyLinks body = BodyLinks.in(edit.body() == null ? "" : edit.body());
                editedBodies.computeIfAbsent(comment.commentId, id -> new ArrayList<>()).add(body);
                linksOf(comment.commentId).values().removeIf(link -> link.foundInBody() && !body.contains(link.url()));
                touch(comment);
            }
        } else if (event instanceof CommentRetracted retraction) {
            CommentRow comment = find(retraction.topicId(), retraction.commentId(), applied);
            if (comment != null) {
                comment.retracted = true;
                comment.body = null;
                retracted.add(comment.commentId);
                links.remove(comment.commentId);
                touch(comment);
            }
        } else if (event instanceof LinkShared link && link.commentId() != null && link.url() != null
                && link.normalizedUrl() != null && link.domain() != null) {
            // a link whose address is withheld (its writer erased) has nothing to show
            CommentRow comment = find(link.topicId(), link.commentId(), applied);
            if (comment != null && !comment.retracted) {
                String origin = link.origin() == LinkOrigin.BODY ? "body" : "share";
                linksOf(comment.commentId).putIfAbsent(link.shareId(), new Link(comment.commentId, link.shareId(),
                        origin, link.url(), link.normalizedUrl(), link.domain(), applied.sequence(), link.authorId()));
            }
        }
    }

    void write(JdbcTemplate tx) {
        if (!created.isEmpty()) {
            ArrayInsert.insert(tx, "comment", COMMENT_COLUMNS,
                    created.values().stream().map(ThreadBatch::insertValues).toList(), "on conflict (comment_id) do nothing");
        }
        List<CommentRow> updates = changed.stream().filter(id -> !created.containsKey(id)).map(comments::get).toList();
        if (!updates.isEmpty()) {
            // one statement for the batch: a statement per comment costs far more than the rows it changes
            tx.update("""
                    update comment c
                    set body = u.body, body_withheld = u.body_withheld, edited_at = u.edited_at,
                        revision = u.revision, retracted = u.retracted, reply_count = u.reply_count
                    from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]),
                                cast(cast(? as text[]) as timestamptz[]),
                                cast(? as integer[]), cast(? as boolean[]), cast(? as integer[]))
                         as u(comment_id, body, body_withheld, edited_at, revision, retracted, reply_count)
                    where c.comment_id = u.comment_id""",
                    updates.stream().map(comment -> comment.commentId).toArray(String[]::new),
                    updates.stream().map(comment -> comment.body).toArray(String[]::new),
                    updates.stream().map(comment -> comment.bodyWithheld).toArray(String[]::new),
                    Sql.timestamps(updates.stream().map(comment -> comment.editedAt).toList()),
                    updates.stream().map(comment -> comment.revision).toArray(Integer[]::new),
                    updates.stream().map(comment -> comment.retracted).toArray(Boolean[]::new),
                    updates.stream().map(comment -> comment.replyCount).toArray(Integer[]::new));
        }
        if (!revisions.isEmpty()) {
            // a comment retracted later in this batch keeps its revisions, without their bodies
            ArrayInsert.insert(tx, "comment_revision", REVISION_COLUMNS,
                    revisions.stream().map(revision -> new Object[]{revision.commentId(), revision.revision(),
                            comments.get(revision.commentId()).retracted ? null : revision.body(),
                            revision.bodyWithheld(), revision.at()}).toList(), "on conflict (comment_id, revision) do nothing");
        }
        String[] retractedBefore = retracted.stream().filter(id -> !created.containsKey(id)).toArray(String[]::new);
        if (retractedBefore.length > 0) {
            tx.update("update comment_revision set body = null where comment_id = any(?)", (Object) retractedBefore);
            tx.update("delete from comment_link where comment_id = any(?)", (Object) retractedBefore);
        }
        // before this batch's links go in: they were checked against the edits that followed them already
        dropStoredLinksEditedAway(tx);
        List<Object[]> linkRows = links.values().stream().flatMap(ofComment -> ofComment.values().stream())
                .map(link -> new Object[]{link.commentId(), link.shareId(), link.origin(), link.url(),
                        link.normalizedUrl(), link.domain(), link.sequence(), link.authorId()})
                .toList();
        if (!linkRows.isEmpty()) {
            ArrayInsert.insert(tx, "comment_link", LINK_COLUMNS, linkRows, "on conflict (comment_id, share_id) do nothing");
        }
    }

    /**
     * Links found in a body belong to the body: an edit that removed an address removes its link. A link stored
     * before this batch stays only if every edit of the batch kept its address.
     */
    private void dropStoredLinksEditedAway(JdbcTemplate tx) {
        Map<String, List<BodyLinks>> bodies = new HashMap<>(editedBodies);
        bodies.keySet().removeIf(id -> created.containsKey(id) || comments.get(id).retracted);
        if (bodies.isEmpty()) {
            return;
        }
        List<Object[]> gone = new ArrayList<>();
        tx.query("select comment_id, share_id, url from comment_link where comment_id = any(?) and origin = 'body'",
                row -> {
                    String url = row.getString("url");
                    if (!bodies.get(row.getString("comment_id")).stream().allMatch(body -> body.contains(url))) {
                        gone.add(new Object[]{row.getString("comment_id"), row.getString("share_id")});
                    }
                }, (Object) bodies.keySet().toArray(String[]::new));
        if (!gone.isEmpty()) {
            tx.batchUpdate("delete from comment_link where comment_id = ? and share_id = ?", gone);
        }
    }

    /** Every comment folded so far: those loaded at the start and those the batch created, as they now stand. */
    Map<String, CommentRow> comments() {
        return comments;
    }

    /** The links this fold added that are still on their comment, per comment in event order. */
    List<Link> links(String commentId) {
        Map<String, Link> ofComment = links.get(commentId);
        return ofComment == null ? List.of() : List.copyOf(ofComment.values());
    }

    /**
     * Adds a new comment at revision 1, which its row holds; {@code comment_revision} gets rows once it is edited.
     * False when its id is taken (it is then left as it was).
     */
    private boolean create(AppliedEvent applied, CommentRow comment, String body, String bodyWithheld) {
        if (comments.containsKey(comment.commentId)) {
            log.warn("{} #{} posts comment {} again; ignored", applied.topicId(), applied.sequence(),
                    comment.commentId);
            return false;
        }
        comment.body = body;
        comment.bodyWithheld = bodyWithheld;
        comments.put(comment.commentId, comment);
        created.put(comment.commentId, comment);
        return true;
    }

    private CommentRow find(String topicId, String commentId, AppliedEvent applied) {
        CommentRow comment = comments.get(commentId);
        if (comment == null || !comment.topicId.equals(topicId)) {
            log.warn("{} #{} ({}) refers to comment {}, which this topic does not have; ignored", applied.topicId(),
                    applied.sequence(), applied.type(), commentId);
            return null;
        }
        return comment;
    }

    private Map<String, Link> linksOf(String commentId) {
        return links.computeIfAbsent(commentId, id -> new LinkedHashMap<>());
    }

    private void touch(CommentRow comment) {
        changed.add(comment.commentId);
    }

    /** Why the event's body is withheld (its writer erased, or it does not open), or null. */
    private static String withheldBody(AppliedEvent applied) {
        return applied.withheld("body") == null ? null : applied.withheld("body").wire();
    }

    private static String authorName(DiscussionEvent event) {
        return event.authorName() == null ? event.authorId() : event.authorName();
    }

    private static Object[] insertValues(CommentRow comment) {
        return new Object[]{comment.commentId, comment.topicId, comment.parentId, comment.rootId, comment.path,
                comment.depth, comment.sequence, comment.authorId, comment.authorName, comment.body,
                comment.bodyWithheld, comment.createdAt, comment.editedAt, comment.revision,
                comment.retracted, comment.replyCount};
    }
}

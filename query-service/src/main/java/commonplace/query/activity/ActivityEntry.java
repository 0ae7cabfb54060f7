package commonplace.query.activity;

import commonplace.events.CommentEdited;
import commonplace.events.CommentPosted;
import commonplace.events.CommentRetracted;
import commonplace.events.DiscussionEvent;
import commonplace.events.LinkShared;
import commonplace.events.ReplyPosted;
import commonplace.events.TopicLocked;
import commonplace.events.TopicOpened;
import commonplace.events.TopicUnlocked;
import commonplace.query.ingest.AppliedEvent;

import java.time.Instant;

/**
 * One line of a topic timeline or an author history: what happened, by whom, in a short human summary.
 *
 * @param summaryIfRetracted what replaces {@code summary} once the comment it quotes is retracted; null when the
 *                           summary quotes no comment text (a body, or the domain of a link on the comment)
 */
public record ActivityEntry(String topicId, long sequence, String type, Instant occurredAt, String commentId,
                            String authorId, String authorName, String summary, String summaryIfRetracted) {

    static final int QUOTE_LENGTH = 140;

    public static ActivityEntry of(AppliedEvent applied) {
        DiscussionEvent event = applied.event();
        String commentId = null;
        String summary;
        String summaryIfRetracted = null;
        if (event instanceof TopicOpened opened) {
            summary = "opened “" + opened.title() + "”";
        } else if (event instanceof CommentPosted posted) {
            commentId = posted.commentId();
            summaryIfRetracted = "commented";
            summary = posted.body() == null ? summaryIfRetracted : summaryIfRetracted + ": " + quote(posted.body());
        } else if (event instanceof ReplyPosted reply) {
            commentId = reply.commentId();
            summaryIfRetracted = "replied to " + reply.parentId();
            summary = reply.body() == null ? summaryIfRetracted : summaryIfRetracted + ": " + quote(reply.body());
        } else if (event instanceof CommentEdited edited) {
            commentId = edited.commentId();
            summary = "edited (revision " + edited.revision() + ")";
        } else if (event instanceof CommentRetracted retracted) {
            commentId = retracted.commentId();
            summary = retracted.byModerator() ? "retracted by a moderator" : "retracted";
        } else if (event instanceof LinkShared link) {
            commentId = link.commentId();
            // the domain is part of the comment's text: withheld with it when the comment is retracted
            summaryIfRetracted = commentId == null ? null : "shared a link";
            summary = link.domain() == null ? "shared a link" : "shared " + link.domain();
        } else if (event instanceof TopicLocked) {
            summary = "locked";
        } else if (event instanceof TopicUnlocked) {
            summary = "unlocked";
        } else {
            summary = applied.type();
        }
        String authorName = event.authorName() == null ? event.authorId() : event.authorName();
        return new ActivityEntry(applied.topicId(), applied.sequence(), applied.type(),
                applied.shownAt(), commentId, event.authorId(), authorName, summary, summaryIfRetracted);
    }

    /**
     * The start of a body on one line: runs of the whitespace {@code \\s} matches become one space, at most 140 code
     * points, then "…". Written out by hand: a regular expression per event was a measurable share of a rebuild.
     */
    static String quote(String body) {
        String stripped = body.strip();
        StringBuilder quoted = new StringBuilder(Math.min(stripped.length(), QUOTE_LENGTH * 2 + 1));
        int codePoints = 0;
        boolean afterSpace = false;
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (space && afterSpace) {
                continue;
            }
            if (!Character.isLowSurrogate(c) && ++codePoints > QUOTE_LENGTH) {
                return quoted.append('…').toString();
            }
            quoted.append(space ? ' ' : c);
            afterSpace = space;
        }
        return quoted.toString();
    }
}

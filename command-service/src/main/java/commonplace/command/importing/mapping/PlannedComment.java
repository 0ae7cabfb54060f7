package commonplace.command.importing.mapping;

import java.time.Instant;
import java.util.List;

/**
 * A source comment as it will be recorded, or why not. References to its topic and parent stay source ids (plus the
 * parent's derived comment id): resolving them needs the whole export, which is the recording step's work.
 *
 * @param commentId       the comment id derived from (format, site, source id)
 * @param sourceId        the export's key for it
 * @param topicSourceId   its topic's source id
 * @param parentSourceId  the source id of the comment it answers, or null
 * @param parentCommentId the comment id the parent has if it is imported, or null
 * @param authorId        an opaque author id by the contract's rule
 * @param authorName      a display name by the contract's rule
 * @param sourceTime      the source's time, or null when it had none
 * @param body            a body by the contract's rule; null when skipped
 * @param action          what to record
 * @param skipped         why it is not imported, when {@code action} is {@link Action#SKIP}
 * @param changes         how the recorded comment differs from the source, each a report reason
 */
public record PlannedComment(String commentId, String sourceId, String topicSourceId, String parentSourceId,
                             String parentCommentId, String authorId, String authorName, Instant sourceTime,
                             String body, Action action, String skipped, List<String> changes) {

    /** What becomes of a source comment. */
    public enum Action {
        /** Recorded as a comment or reply. */
        POST,
        /** Recorded, then retracted at once: it was deleted in the source; its place in the tree stays. */
        POST_RETRACTED,
        /** Not recorded; reported with its reason. */
        SKIP
    }

    public PlannedComment {
        changes = List.copyOf(changes);
    }

    @Override
    public String toString() {
        return "PlannedComment[commentId=" + commentId + ", sourceId=" + sourceId + ", action=" + action + "]";
    }
}

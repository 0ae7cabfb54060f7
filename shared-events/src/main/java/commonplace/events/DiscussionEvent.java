package commonplace.events;

/**
 * Every fact commonplace records about a discussion topic. The topic is the unit of ordering: all events
 * of one topic share a Kafka partition and a contiguous 1-based {@code sequence}.
 */
public sealed interface DiscussionEvent
        permits TopicOpened, CommentPosted, ReplyPosted, CommentEdited, CommentRetracted, LinkShared,
                TopicLocked, TopicUnlocked, AuthorErased {

    String topicId();

    /** Who caused the event: the subject of the writer's token. */
    String authorId();

    /**
     * The writer's display name at the time of the event; null when it is withheld (see
     * {@link commonplace.events.privacy.WithheldReason}) and for an {@link AuthorErased}.
     */
    String authorName();
}

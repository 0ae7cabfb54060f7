package commonplace.events;

import java.util.List;

/**
 * An author's data keys were destroyed, recorded in each topic they took part in, after every event of theirs in it:
 * everything they wrote sealed under {@code erasedKeyIds} (every revision, link, note, reason and their display name)
 * can no longer be read anywhere. A reader forgets those keys at once and removes whatever plaintext of theirs it kept
 * for this topic; the comments keep their places. {@code erasureId} groups the events of one erasure, which spans
 * {@code topicCount} topics. {@code authorId} is whoever asked (the author or an admin); an erasure names no one.
 */
public record AuthorErased(String topicId, String erasedAuthorId, List<String> erasedKeyIds, String erasureId,
                           int topicCount, String authorId) implements DiscussionEvent {

    public AuthorErased {
        erasedKeyIds = erasedKeyIds == null ? List.of() : List.copyOf(erasedKeyIds);
    }

    /** No display name: the event is recorded for the erased author, whose name is what it removes. */
    @Override
    public String authorName() {
        return null;
    }
}

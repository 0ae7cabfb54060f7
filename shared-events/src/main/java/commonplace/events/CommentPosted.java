package commonplace.events;

import commonplace.events.language.LanguageGuess;
import commonplace.events.privacy.Redacted;

/**
 * A root comment was posted on a topic. The body is stored exactly as sent. {@code language} (schema version 2) is an
 * ISO 639-1 code supplied by the writer or guessed from the body ({@code und} when undetermined); version 1 events
 * are upcast with the same guess. {@code imported} is set when the comment came from an export, else null.
 */
public record CommentPosted(String topicId, String commentId, String body, String language,
                            String authorId, String authorName, Imported imported) implements DiscussionEvent {

    /** A comment posted here, not imported. */
    public CommentPosted(String topicId, String commentId, String body, String language,
                         String authorId, String authorName) {
        this(topicId, commentId, body, language, authorId, authorName, null);
    }

    /** A comment whose language was not supplied: guessed from the body. */
    public CommentPosted(String topicId, String commentId, String body, String authorId, String authorName) {
        this(topicId, commentId, body, LanguageGuess.of(body), authorId, authorName);
    }

    /** Prints without its personal fields: payloads end up in framework logs. */
    @Override
    public String toString() {
        return Redacted.describe(this);
    }
}

package commonplace.command.topic.model;

/**
 * Keyed digests of what an author wrote, under that author's data key: the topic compares bodies and shared
 * addresses by them without holding the texts or a plain digest of them (a short text could be guessed from one).
 * Once the author is erased nobody can tell which text a digest was of. Axon hands it to the handlers that need it.
 */
public interface TextDigests {

    /** The digest of {@code text} under {@code authorId}'s key in use; null for a null text (one that was erased). */
    String digest(String authorId, String text);
}

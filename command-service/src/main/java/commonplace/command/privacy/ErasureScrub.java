package commonplace.command.privacy;

import java.util.List;

/**
 * A store outside the event store that holds an author's text, name or a digest of either, and clears it when the
 * author is erased. {@link #scrub} runs in the erasure's transaction, after the keys are destroyed.
 */
public interface ErasureScrub {

    /** Clears what this store keeps of {@code authorId}. */
    void scrub(String authorId);

    /** The tables {@link #scrub} changes, vacuumed after the erasure commits (old row versions hold the values). */
    List<String> tables();
}

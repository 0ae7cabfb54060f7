package commonplace.command.topic.model;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the topic remembers of one comment or reply to decide later commands: its author, its depth in the thread (0
 * for a comment, its parent's depth + 1 for a reply), current revision, whether it was retracted or erased with its
 * author, a keyed digest of its current body (to see an edit that changes nothing) and keyed digests of the normalised
 * URLs already shared from its body (to share only new ones on edit). Digests are under the author's data key
 * ({@link TextDigests}): no text, and nothing a text could be guessed from once the key is destroyed. A comment whose
 * body can no longer be read (its key was destroyed) is erased.
 */
record CommentState(String authorId, int depth, int revision, boolean retracted, boolean erased, String bodyDigest,
                    Set<String> sharedUrlDigests) {

    CommentState {
        sharedUrlDigests = sharedUrlDigests == null ? Set.of() : Set.copyOf(sharedUrlDigests);
    }

    static CommentState posted(String authorId, int depth, String bodyDigest) {
        return new CommentState(authorId, depth, 1, false, bodyDigest == null, bodyDigest, Set.of());
    }

    CommentState edited(int newRevision, String newBodyDigest) {
        return new CommentState(authorId, depth, newRevision, false, erased || newBodyDigest == null, newBodyDigest,
                sharedUrlDigests);
    }

    CommentState retract() {
        return new CommentState(authorId, depth, revision, true, erased, bodyDigest, sharedUrlDigests);
    }

    /** The author was erased: only the comment's place remains. */
    CommentState erase() {
        return new CommentState(authorId, depth, revision, retracted, true, null, Set.of());
    }

    CommentState withSharedUrl(String normalizedUrlDigest) {
        Set<String> digests = new LinkedHashSet<>(sharedUrlDigests);
        digests.add(normalizedUrlDigest);
        return new CommentState(authorId, depth, revision, retracted, erased, bodyDigest, digests);
    }

    boolean hasBody(String digest) {
        return bodyDigest != null && bodyDigest.equals(digest);
    }
}

package commonplace.command.topic.model;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the topic remembers of one comment or reply to decide later commands: its author, its depth in the thread (0
 * for a comment, its parent's depth + 1 for a reply), current revision, whether it was retracted, a digest of its
 * current body (to see an edit that changes nothing) and the normalised URLs already shared from its body (to share
 * only new ones on edit).
 */
record CommentState(String authorId, int depth, int revision, boolean retracted, String bodyHash,
                    Set<String> sharedUrls) {

    CommentState {
        sharedUrls = sharedUrls == null ? Set.of() : Set.copyOf(sharedUrls);
    }

    static CommentState posted(String authorId, int depth, String body) {
        return new CommentState(authorId, depth, 1, false, Hashes.sha256(body), Set.of());
    }

    CommentState edited(int newRevision, String body) {
        return new CommentState(authorId, depth, newRevision, false, Hashes.sha256(body), sharedUrls);
    }

    CommentState retract() {
        return new CommentState(authorId, depth, revision, true, bodyHash, sharedUrls);
    }

    CommentState withSharedUrl(String normalizedUrl) {
        Set<String> urls = new LinkedHashSet<>(sharedUrls);
        urls.add(normalizedUrl);
        return new CommentState(authorId, depth, revision, retracted, bodyHash, urls);
    }

    boolean hasBody(String body) {
        return bodyHash.equals(Hashes.sha256(body));
    }
}

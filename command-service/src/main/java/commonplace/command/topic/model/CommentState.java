package commonplace.command.topic.model;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the topic remembers of one comment or reply to decide later commands: its author, current revision, whether it
 * was retracted, a digest of its current body (to see an edit that changes nothing) and the normalised URLs already
 * shared from its body (to share only new ones on edit).
 */
record CommentState(String authorId, int revision, boolean retracted, String bodyHash, Set<String> sharedUrls) {

    CommentState {
        sharedUrls = sharedUrls == null ? Set.of() : Set.copyOf(sharedUrls);
    }

    static CommentState posted(String authorId, String body) {
        return new CommentState(authorId, 1, false, Hashes.sha256(body), Set.of());
    }

    CommentState edited(int newRevision, String body) {
        return new CommentState(authorId, newRevision, false, Hashes.sha256(body), sharedUrls);
    }

    CommentState retract() {
        return new CommentState(authorId, revision, true, bodyHash, sharedUrls);
    }

    CommentState withSharedUrl(String normalizedUrl) {
        Set<String> urls = new LinkedHashSet<>(sharedUrls);
        urls.add(normalizedUrl);
        return new CommentState(authorId, revision, retracted, bodyHash, urls);
    }

    boolean hasBody(String body) {
        return bodyHash.equals(Hashes.sha256(body));
    }
}

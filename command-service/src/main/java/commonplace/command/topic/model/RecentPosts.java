package commonplace.command.topic.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The double-post window: what each author posted in this topic during the last ten minutes, by keyed digest of
 * the trimmed body (under the author's data key, {@link TextDigests}), so that an accidental second click is answered with the first comment instead of a copy.
 * <p>
 * Every operation costs the same however busy the topic is: posts are kept in the order they were posted, so those
 * that fall out of the window are dropped from the head, and an index by author and digest answers the lookup. Only
 * the posts are part of a snapshot; the index is rebuilt from them.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class RecentPosts {

    static final Duration WINDOW = Duration.ofMinutes(10);

    record RecentPost(String commentId, String authorId, String trimmedBodyHash, Instant postedAt) {

        String indexKey() {
            return authorId + '\n' + trimmedBodyHash;
        }
    }

    /** The posts within the window by comment id, in the order they were posted (a topic's events are ordered). */
    private LinkedHashMap<String, RecentPost> posts = new LinkedHashMap<>();

    /** Comment ids by author and digest, oldest first; usually one (an edit can make two bodies equal). */
    @JsonIgnore
    private transient Map<String, List<String>> byAuthorAndBody;

    /** The comment this author posted with the same trimmed body within the window before {@code now}, if any. */
    Optional<String> duplicateOf(String authorId, String trimmedBodyDigest, Instant now) {
        List<String> candidates = index().get(authorId + '\n' + trimmedBodyDigest);
        if (candidates == null) {
            return Optional.empty();
        }
        return candidates.stream()
                .filter(commentId -> posts.get(commentId).postedAt().plus(WINDOW).isAfter(now))
                .findFirst();
    }

    /** Remembers a post and forgets every post that fell out of the window by its time. */
    void posted(String authorId, String commentId, String trimmedBodyDigest, Instant at) {
        index(); // built before the window changes, so that it never counts a post twice
        forgetOlderThan(at.minus(WINDOW));
        RecentPost post = new RecentPost(commentId, authorId, trimmedBodyDigest, at);
        posts.put(commentId, post);
        addToIndex(post);
    }

    /** An edited comment is compared by its new body from now on; it keeps its place in the window. */
    void edited(String commentId, String trimmedBodyDigest) {
        RecentPost before = posts.get(commentId);
        if (before == null) {
            return;
        }
        removeFromIndex(before);
        RecentPost after = new RecentPost(commentId, before.authorId(), trimmedBodyDigest, before.postedAt());
        posts.put(commentId, after);
        addToIndex(after);
    }

    /** A retracted comment no longer blocks posting the same text again. */
    void retracted(String commentId) {
        RecentPost removed = posts.remove(commentId);
        if (removed != null) {
            removeFromIndex(removed);
        }
    }

    /** An erased author's posts are forgotten: their digests mean nothing any more. */
    void forgetAuthor(String authorId) {
        posts.values().removeIf(post -> post.authorId().equals(authorId));
        byAuthorAndBody = null;
    }

    int size() {
        return posts.size();
    }

    private void forgetOlderThan(Instant horizon) {
        Iterator<RecentPost> oldestFirst = posts.values().iterator();
        while (oldestFirst.hasNext()) {
            RecentPost oldest = oldestFirst.next();
            if (oldest.postedAt().isAfter(horizon)) {
                return;
            }
            oldestFirst.remove();
            removeFromIndex(oldest);
        }
    }

    private Map<String, List<String>> index() {
        if (byAuthorAndBody == null) {
            byAuthorAndBody = new HashMap<>();
            posts.values().forEach(this::addToIndex);
        }
        return byAuthorAndBody;
    }

    private void addToIndex(RecentPost post) {
        index().computeIfAbsent(post.indexKey(), key -> new ArrayList<>(1)).add(post.commentId());
    }

    private void removeFromIndex(RecentPost post) {
        List<String> ids = index().get(post.indexKey());
        if (ids != null) {
            ids.remove(post.commentId());
            if (ids.isEmpty()) {
                byAuthorAndBody.remove(post.indexKey());
            }
        }
    }
}

package commonplace.command.topic;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The double-post window: what each author posted in this topic during the last ten minutes, by digest of the
 * trimmed body, so that an accidental second click is answered with the first comment instead of a copy.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class RecentPosts {

    static final Duration WINDOW = Duration.ofMinutes(10);

    record RecentPost(String commentId, String trimmedBodyHash, Instant postedAt) {
    }

    private Map<String, List<RecentPost>> byAuthor = new HashMap<>();

    /** The comment this author posted with the same trimmed body within the window before {@code now}, if any. */
    Optional<String> duplicateOf(String authorId, String body, Instant now) {
        String hash = Hashes.sha256(body.strip());
        return byAuthor.getOrDefault(authorId, List.of()).stream()
                .filter(post -> post.trimmedBodyHash().equals(hash))
                .filter(post -> post.postedAt().plus(WINDOW).isAfter(now))
                .map(RecentPost::commentId)
                .findFirst();
    }

    /** Remembers a post and forgets every post that fell out of the window by its time. */
    void posted(String authorId, String commentId, String body, Instant at) {
        Instant horizon = at.minus(WINDOW);
        byAuthor.values().forEach(posts -> posts.removeIf(post -> !post.postedAt().isAfter(horizon)));
        byAuthor.values().removeIf(List::isEmpty);
        byAuthor.computeIfAbsent(authorId, a -> new ArrayList<>())
                .add(new RecentPost(commentId, Hashes.sha256(body.strip()), at));
    }

    /** An edited comment is compared by its new body from now on. */
    void edited(String commentId, String body) {
        byAuthor.values().forEach(posts -> posts.replaceAll(post -> post.commentId().equals(commentId)
                ? new RecentPost(commentId, Hashes.sha256(body.strip()), post.postedAt())
                : post));
    }

    /** A retracted comment no longer blocks posting the same text again. */
    void retracted(String commentId) {
        byAuthor.values().forEach(posts -> posts.removeIf(post -> post.commentId().equals(commentId)));
        byAuthor.values().removeIf(List::isEmpty);
    }
}

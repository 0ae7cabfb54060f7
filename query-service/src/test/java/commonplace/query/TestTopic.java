package commonplace.query;

import commonplace.events.CommentEdited;
import commonplace.events.CommentPosted;
import commonplace.events.CommentRetracted;
import commonplace.events.ConsistencyPosition;
import commonplace.events.DiscussionEvent;
import commonplace.events.EventEnvelope;
import commonplace.events.LinkOrigin;
import commonplace.events.LinkShared;
import commonplace.events.ReplyPosted;
import commonplace.events.TopicLocked;
import commonplace.events.TopicOpened;
import commonplace.events.TopicUnlocked;
import commonplace.events.privacy.DataKey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writes a topic's events the way the command service publishes them: envelopes with contiguous sequences from 1,
 * one second apart.
 */
public final class TestTopic {

    public final String topicId;
    private final List<EventEnvelope> envelopes = new ArrayList<>();
    private Instant clock;
    private Function<String, DataKey> keys = author -> null;

    public TestTopic(String topicId, Instant start) {
        this.topicId = topicId;
        this.clock = start;
    }

    public static TestTopic named(String prefix) {
        return new TestTopic(prefix + "-" + UUID.randomUUID().toString().substring(0, 8),
                Instant.parse("2026-11-25T04:05:06.123Z"));
    }

    public EventEnvelope open(String title, String authorId, String authorName) {
        return record(new TopicOpened(topicId, title, "https://Podcast.example.no/" + topicId,
                "https://podcast.example.no/" + topicId, "About " + title + ".\n\nSecond line.", authorId, authorName));
    }

    public EventEnvelope comment(String commentId, String body, String authorId, String authorName) {
        return record(new CommentPosted(topicId, commentId, body, authorId, authorName));
    }

    public EventEnvelope reply(String commentId, String parentId, String body, String authorId, String authorName) {
        return record(new ReplyPosted(topicId, commentId, parentId, body, authorId, authorName));
    }

    public EventEnvelope edit(String commentId, int revision, String body, String authorId, String authorName) {
        return record(new CommentEdited(topicId, commentId, revision, body, authorId, authorName));
    }

    public EventEnvelope retract(String commentId, boolean byModerator, String authorId, String authorName) {
        return record(new CommentRetracted(topicId, commentId, "no longer relevant", byModerator, authorId, authorName));
    }

    public EventEnvelope link(String shareId, String commentId, LinkOrigin origin, String url, String normalizedUrl,
                              String domain, String authorId, String authorName) {
        return record(new LinkShared(topicId, shareId, commentId, origin, url, normalizedUrl, domain, null, authorId,
                authorName));
    }

    public EventEnvelope lock(String authorId, String authorName) {
        return record(new TopicLocked(topicId, "heated", authorId, authorName));
    }

    public EventEnvelope unlock(String authorId, String authorName) {
        return record(new TopicUnlocked(topicId, authorId, authorName));
    }

    /** From now on, events of authors {@code keys} names are sealed under their key, as the command service stores them. */
    public TestTopic sealedWith(Function<String, DataKey> keys) {
        this.keys = keys;
        return this;
    }

    public EventEnvelope record(DiscussionEvent event) {
        DataKey key = keys.apply(event.authorId());
        EventEnvelope envelope = key == null
                ? EventEnvelope.wrap(UUID.randomUUID().toString(), envelopes.size() + 1L, clock, event)
                : EventEnvelope.wrapSealed(UUID.randomUUID().toString(), envelopes.size() + 1L, clock, event, key);
        clock = clock.plus(Duration.ofSeconds(1));
        envelopes.add(envelope);
        return envelope;
    }

    public List<EventEnvelope> envelopes() {
        return List.copyOf(envelopes);
    }

    public long lastSequence() {
        return envelopes.size();
    }

    public String position(long sequence) {
        return new ConsistencyPosition(topicId, sequence).encode();
    }
}

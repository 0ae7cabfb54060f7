package commonplace.systemtests;

import commonplace.events.CommentPosted;
import commonplace.events.DiscussionEvent;
import commonplace.events.EventEnvelope;
import commonplace.events.ReplyPosted;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The promise every fault test checks: acknowledged writes ⊆ event store = topic (by sequence) ⊆ read models, with no
 * duplicates and per-topic order preserved. It prints the counts it checked.
 */
final class History {

    record Counts(int acknowledged, int stored, int published, int duplicatesOnTopic, int inReadModels) {
        @Override
        public String toString() {
            return "acknowledged=" + acknowledged + " stored=" + stored + " published=" + published
                    + " duplicatesOnTopic=" + duplicatesOnTopic + " inReadModels=" + inReadModels;
        }
    }

    private History() {
    }

    /** Comment ids of every CommentPosted and ReplyPosted in a list of envelopes. */
    static Set<String> postedCommentIds(List<EventEnvelope> envelopes) {
        Set<String> ids = new HashSet<>();
        for (EventEnvelope envelope : envelopes) {
            DiscussionEvent event = envelope.event();
            if (event instanceof CommentPosted posted) {
                ids.add(posted.commentId());
            } else if (event instanceof ReplyPosted reply) {
                ids.add(reply.commentId());
            }
        }
        return ids;
    }

    /**
     * Checks the store and the topic against each other and the acknowledged comment ids against both, then the read
     * models (the comment ids the query service shows).
     *
     * @param allowTopicDuplicates whether a re-sent (identical) record may appear on the topic: true for a scenario
     *                             that re-publishes on purpose
     */
    static Counts check(Set<String> acknowledgedCommentIds, List<EventStore.StoredEvent> stored,
                        List<EventEnvelope> topic, Set<String> readModelCommentIds, boolean allowTopicDuplicates) {
        Map<String, List<Long>> storedSequences = stored.stream().collect(Collectors.groupingBy(
                EventStore.StoredEvent::topicId, Collectors.mapping(EventStore.StoredEvent::sequence, Collectors.toList())));
        storedSequences.forEach((topicId, sequences) -> assertThat(sequences).as("store sequences of " + topicId)
                .containsExactlyElementsOf(range(sequences.size())));

        Map<String, List<Long>> topicSequences = new HashMap<>();
        Map<String, EventEnvelope> firstBySequence = new HashMap<>();
        int duplicates = 0;
        for (EventEnvelope envelope : topic) {
            String key = envelope.topicId() + "#" + envelope.sequence();
            EventEnvelope earlier = firstBySequence.putIfAbsent(key, envelope);
            if (earlier != null) {
                duplicates++;
                assertThat(envelope.eventId()).as("a re-sent " + key + " is the same event").isEqualTo(earlier.eventId());
                continue;
            }
            topicSequences.computeIfAbsent(envelope.topicId(), t -> new ArrayList<>()).add(envelope.sequence());
        }
        topicSequences.forEach((topicId, sequences) -> assertThat(sequences)
                .as("per-topic order on the topic for " + topicId).isSorted());
        assertThat(topicSequences).as("event store = topic, by sequence").isEqualTo(storedSequences);
        if (!allowTopicDuplicates) {
            assertThat(duplicates).as("duplicates on the topic").isZero();
        }

        Set<String> storedIds = new HashSet<>();
        stored.stream().filter(e -> e.type().equals("CommentPosted") || e.type().equals("ReplyPosted"))
                .forEach(e -> storedIds.add(e.payload().get("commentId").asText()));
        assertThat(storedIds).as("acknowledged ⊆ event store").containsAll(acknowledgedCommentIds);
        assertThat(readModelCommentIds).as("topic ⊆ read models").containsAll(postedCommentIds(topic));
        return new Counts(acknowledgedCommentIds.size(), stored.size(), firstBySequence.size(), duplicates,
                readModelCommentIds.size());
    }

    private static List<Long> range(int n) {
        List<Long> result = new ArrayList<>(n);
        for (long i = 1; i <= n; i++) {
            result.add(i);
        }
        return result;
    }
}

package commonplace.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;

/**
 * Realistic writes: each client is an author posting into topics (one hot topic, or many), about a third of the
 * posts replies to a recent comment of the same topic, bodies from {@link Corpus}. It remembers the newest
 * acknowledged position so that the projection lag can be sampled while it runs.
 */
final class WriteWorkload implements LoadGenerator.Operation {

    /** The newest acknowledged write: its consistency position, topic and when its 201 arrived. */
    record Acknowledged(String topicId, String position, long ackNanos) {
    }

    private final Api api;
    private final long seed;
    private final List<String> topics;
    private final String[] tokens;
    private final Corpus[] corpora;
    private final AtomicReferenceArray<String> recentCommentByTopic;
    private final AtomicReference<Acknowledged> newest = new AtomicReference<>();

    WriteWorkload(Api api, List<String> topics, int clients, long seed) {
        this.api = api;
        this.seed = seed;
        this.topics = topics;
        this.tokens = IntStream.range(0, clients).mapToObj(c -> api.token(authorId(seed, c),
                c % 2 == 0 ? "Benk Nordmann " + c : "Bench Author " + c)).toArray(String[]::new);
        this.corpora = IntStream.range(0, clients).mapToObj(c -> new Corpus(seed * 1000 + c)).toArray(Corpus[]::new);
        this.recentCommentByTopic = new AtomicReferenceArray<>(topics.size());
    }

    /** Opens every topic (idempotent: 200 when it exists). */
    void openTopics() throws Exception {
        for (String topic : topics) {
            Api.Answer answer = api.write("PUT", "/topics/" + topic, tokens[0],
                    Api.json("title", "Benchmark topic " + topic + " – «æøå»"));
            if (answer.status() != 201 && answer.status() != 200) {
                throw new IllegalStateException("opening " + topic + ": " + answer);
            }
        }
    }

    @Override
    public int call(int client, long index) throws Exception {
        int topicIndex = (int) ((index * 7919 + client) % topics.size());
        String topic = topics.get(topicIndex);
        String body = Api.json("body", corpora[client].body());
        String parent = recentCommentByTopic.get(topicIndex);
        Api.Answer answer = parent != null && index % 3 == 0
                ? api.write("POST", "/comments/" + parent + "/replies", tokens[client], body)
                : api.write("POST", "/topics/" + topic + "/comments", tokens[client], body);
        if (answer.status() == 201) {
            long now = System.nanoTime();
            String commentId = Api.field(answer.body(), "commentId");
            if (commentId != null) {
                recentCommentByTopic.set(topicIndex, commentId);
            }
            newest.set(new Acknowledged(topic, Api.field(answer.body(), "position"), now));
        }
        return answer.status();
    }

    String authorId(int client) {
        return authorId(seed, client);
    }

    private static String authorId(long seed, int client) {
        return "bench-" + seed + "-" + client;
    }

    Acknowledged newest() {
        return newest.get();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

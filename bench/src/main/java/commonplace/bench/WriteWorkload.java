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
    private final WireClient[] connections;
    private final byte[][][] bodyStems;

    WriteWorkload(Api api, List<String> topics, int clients, long seed) {
        this.api = api;
        this.seed = seed;
        this.topics = topics;
        this.tokens = IntStream.range(0, clients).mapToObj(c -> api.token(authorId(seed, c),
                c % 2 == 0 ? "Benk Nordmann " + c : "Bench Author " + c)).toArray(String[]::new);
        this.corpora = IntStream.range(0, clients).mapToObj(c -> new Corpus(seed * 1000 + c)).toArray(Corpus[]::new);
        this.recentCommentByTopic = new AtomicReferenceArray<>(topics.size());
        java.net.URI command = java.net.URI.create(api.commandUrl);
        this.connections = IntStream.range(0, clients).mapToObj(c -> new WireClient(command.getHost(),
                command.getPort())).toArray(WireClient[]::new);
        // bodies are made before the run (JSON-escaped, UTF-8); each request appends a unique tail so that no two
        // posts of an author are the same text (the double-post rule would refuse them)
        this.bodyStems = new byte[clients][BODIES_PER_CLIENT][];
        for (int c = 0; c < clients; c++) {
            for (int b = 0; b < BODIES_PER_CLIENT; b++) {
                String json = Api.json("body", corpora[c].body());
                bodyStems[c][b] = json.substring(0, json.length() - 2).getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    private static final int BODIES_PER_CLIENT = 64;

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
        byte[] body = body(client, index);
        String parent = recentCommentByTopic.get(topicIndex);
        String path = parent != null && index % 3 == 0
                ? "/api/v1/comments/" + parent + "/replies"
                : "/api/v1/topics/" + topic + "/comments";
        WireClient.Answer answer = connections[client].send(WireClient.head("POST", path, tokens[client], body.length),
                body);
        if (answer.status == 201) {
            long now = System.nanoTime();
            String commentId = answer.field("commentId");
            if (commentId != null) {
                recentCommentByTopic.set(topicIndex, commentId);
            }
            newest.set(new Acknowledged(topic, answer.field("position"), now));
        }
        if (answer.status == 503 && shedAnswer == null) {
            shedAnswer = "503 " + answer.header("content-type") + ", Retry-After: " + answer.header("retry-after");
        }
        return answer.status;
    }

    private volatile String shedAnswer;

    /** How the first 503 of the run was answered (its content type and Retry-After), or null when none came. */
    String shedAnswerSeen() {
        return shedAnswer;
    }

    /** The JSON body: a prepared stem and a tail unique to this request. */
    private byte[] body(int client, long index) {
        byte[] stem = bodyStems[client][(int) (index % BODIES_PER_CLIENT)];
        byte[] tail = (" ~" + seed + "." + client + "." + index + "\"}").getBytes(StandardCharsets.US_ASCII);
        byte[] body = java.util.Arrays.copyOf(stem, stem.length + tail.length);
        System.arraycopy(tail, 0, body, stem.length, tail.length);
        return body;
    }

    /** Closes the workload's connections. */
    void close() {
        for (WireClient connection : connections) {
            connection.close();
        }
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

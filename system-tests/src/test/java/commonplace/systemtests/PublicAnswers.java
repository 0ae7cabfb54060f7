package commonplace.systemtests;

import commonplace.testing.http.Http;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every anonymous answer a query service gives about some topics, comments and authors, as a {@link PlainTextSearch}
 * corpus: the topic list and summaries, threads in both orders now and {@code asOf} each given instant, timelines, the
 * events feeds, Atom feeds of topics and authors, each comment with its revisions, author histories, and the HTML
 * pages. Each answer must be a success.
 */
final class PublicAnswers {

    private PublicAnswers() {
    }

    /**
     * @param instantsByTopic each topic to read, with the instants to read its thread {@code asOf} (none before its
     *                        first event: that is a 404)
     */
    static PlainTextSearch.Corpus of(ApiClient api, Map<String, List<Instant>> instantsByTopic,
                                     Collection<String> comments, Collection<String> authors) {
        PlainTextSearch.Corpus corpus = new PlainTextSearch.Corpus();
        read(api, corpus, "/topics?limit=500");
        for (Map.Entry<String, List<Instant>> entry : instantsByTopic.entrySet()) {
            String topic = entry.getKey();
            List<Instant> instants = entry.getValue();
            read(api, corpus, "/topics/" + topic);
            read(api, corpus, "/topics/" + topic + "/thread?sort=oldest&limit=500");
            read(api, corpus, "/topics/" + topic + "/thread?sort=newest&limit=500");
            for (Instant instant : instants) {
                read(api, corpus, "/topics/" + topic + "/thread?sort=oldest&limit=500&asOf="
                        + ApiClient.encode(instant.toString()));
            }
            read(api, corpus, "/topics/" + topic + "/timeline?limit=500");
            read(api, corpus, "/topics/" + topic + "/events");
            read(api, corpus, "/topics/" + topic + "/feed.atom");
            page(api, corpus, "/t/" + topic);
        }
        for (String comment : comments) {
            read(api, corpus, "/comments/" + comment);
        }
        for (String author : authors) {
            read(api, corpus, "/authors/" + author + "/history?limit=500");
            read(api, corpus, "/authors/" + author + "/feed.atom");
        }
        page(api, corpus, "/");
        return corpus;
    }

    private static void read(ApiClient api, PlainTextSearch.Corpus corpus, String pathAndQuery) {
        Http.Response answer = api.read(pathAndQuery);
        assertThat(answer.status()).as("GET %s -> %s", pathAndQuery, answer).isEqualTo(200);
        corpus.add("GET " + pathAndQuery, answerText(answer));
    }

    private static void page(ApiClient api, PlainTextSearch.Corpus corpus, String path) {
        Http.Response answer = api.readPage(path);
        assertThat(answer.status()).as("GET %s -> %s", path, answer).isEqualTo(200);
        corpus.add("GET " + path, answerText(answer));
    }

    /** An answer as someone reading it sees it: its headers and its body. */
    static String answerText(Http.Response answer) {
        StringBuilder text = new StringBuilder();
        answer.headers().map().forEach((name, values) -> text.append(name).append(": ")
                .append(String.join(", ", values)).append('\n'));
        return text.append('\n').append(answer.body()).toString();
    }
}

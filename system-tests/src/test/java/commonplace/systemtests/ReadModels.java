package commonplace.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.testing.http.Http;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What a query service shows, gathered through its public API (every page), for comparing and counting. */
final class ReadModels {

    private ReadModels() {
    }

    /** Every comment id of a topic's thread, at any depth, across all pages. */
    static Set<String> commentIds(ApiClient api, String topicId) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode root : pages(api, "/topics/" + topicId + "/thread?sort=oldest&limit=500")) {
            collect(root, ids);
        }
        return ids;
    }

    /**
     * A canonical text of everything the query service shows about some topics: threads, timelines, summaries and the
     * histories of the given authors. Two query services that applied the same events show the same text.
     */
    static String dump(ApiClient api, List<String> topics, List<String> authors) {
        StringBuilder out = new StringBuilder();
        for (String topic : topics) {
            out.append("topic ").append(api.read("/topics/" + topic).body()).append('\n');
            pages(api, "/topics/" + topic + "/thread?sort=oldest&limit=500").forEach(c -> out.append(c).append('\n'));
            pages(api, "/topics/" + topic + "/timeline?limit=500").forEach(e -> out.append(e).append('\n'));
        }
        for (String author : authors) {
            pages(api, "/authors/" + author + "/history?limit=500").forEach(e -> out.append(e).append('\n'));
        }
        return out.toString();
    }

    /** Each comment of a topic's thread (at any depth) as the thread shows it, without its replies, by id. */
    static Map<String, JsonNode> places(ApiClient api, String topicId) {
        Map<String, JsonNode> places = new HashMap<>();
        pages(api, "/topics/" + topicId + "/thread?sort=oldest&limit=500").forEach(root -> collectPlaces(root, places));
        return places;
    }

    /** The comment with this id among a thread's items, at any depth, with its replies. */
    static JsonNode find(JsonNode items, String commentId) {
        for (JsonNode comment : items) {
            if (comment.get("commentId").asText().equals(commentId)) {
                return comment;
            }
            JsonNode found = find(comment.path("replies"), commentId);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static void collectPlaces(JsonNode comment, Map<String, JsonNode> places) {
        ObjectNode place = comment.deepCopy();
        place.remove("replies");
        places.put(comment.get("commentId").asText(), place);
        comment.path("replies").forEach(reply -> collectPlaces(reply, places));
    }

    /** All items of a paged list, following nextCursor (or the timeline's position) to the end. */
    static List<JsonNode> pages(ApiClient api, String firstPage) {
        List<JsonNode> items = new ArrayList<>();
        String url = firstPage;
        for (int page = 0; page < 10_000; page++) {
            Http.Response response = api.read(url);
            assertThat(response.status()).as(url + " -> " + response).isIn(200, 404);
            if (response.status() == 404) {
                return items;
            }
            JsonNode body = response.json();
            body.get("items").forEach(items::add);
            JsonNode next = body.get("nextCursor");
            if (next == null || next.isNull()) {
                return items;
            }
            // the timeline continues after the last position it showed; other lists take their cursor
            String continuation = firstPage.contains("/timeline")
                    ? "after=" + ApiClient.encode(items.get(items.size() - 1).get("position").asText())
                    : "cursor=" + ApiClient.encode(next.asText());
            url = firstPage + "&" + continuation;
        }
        throw new AssertionError("more than 10,000 pages at " + firstPage);
    }

    private static void collect(JsonNode comment, Set<String> ids) {
        ids.add(comment.get("commentId").asText());
        JsonNode replies = comment.get("replies");
        if (replies != null) {
            replies.forEach(reply -> collect(reply, ids));
        }
    }
}

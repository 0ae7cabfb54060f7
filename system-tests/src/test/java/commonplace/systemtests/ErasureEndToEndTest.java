package commonplace.systemtests;

import commonplace.testing.http.Http;
import commonplace.testing.kafka.FeedLog;
import com.fasterxml.jackson.databind.JsonNode;
import commonplace.events.EventEnvelope;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The "done when" of erasure (docs/privacy.md): two authors discuss on the real PostgreSQL and Kafka with both
 * services running from their jars; one of them exports, then erases, their data. Afterwards a plain-text search for
 * each of their phrases and for their display name finds nothing in a dump of every database, in any record of the
 * Kafka topic (values, keys and headers), in any answer of either service, in a query service rebuilt from offset 0,
 * or in the services' logs; the other author's replies keep their parents and their text, and the counts stay.
 * Erasing again changes nothing.
 */
class ErasureEndToEndTest extends StackTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String erasedId = "erased-" + run;
    private final String erasedName = "Ragnhild Zyxvortel" + run.substring(0, 4);
    private final String otherId = "other-" + run;
    private final String otherName = "Bjarne Bystander";
    private final String pageTopic = "page-" + run;
    private final String openedTopic = "opened-" + run;

    /** Every phrase the erased author wrote, one per text, and their display name's parts. */
    private final Map<String, String> erasedPhrases = new HashMap<>();
    private final Map<String, String> otherTexts = new HashMap<>();

    private String phrase(String label) {
        String phrase = "qx" + label + run;
        erasedPhrases.put(label, phrase);
        return phrase;
    }

    @Test
    void anErasedAuthorsWordsAndNameAreFoundNowhereWhileTheOthersRepliesStayInPlace() throws Exception {
        long started = System.nanoTime();
        String erased = api.token(erasedId, erasedName);
        String other = api.token(otherId, otherName);
        String site = api.token("site", "The site");

        // the discussion: comments, replies both ways, an edit, a body link, a shared link with a note, a retraction
        created(api.openTopic(site, pageTopic, "Episode " + run, "https://podcast.example.no/ep/" + run));
        String first = id(created(api.postComment(erased, pageTopic, "First " + phrase("first")
                        + " see https://example.org/" + phrase("bodylink"),
                Map.of("Idempotency-Key", "first-" + run))));
        String otherReply = id(created(api.reply(other, first, otherText("reply", "A reply to the first"))));
        String erasedReply = id(created(api.reply(erased, otherReply, "Answering " + phrase("answer"))));
        String otherDeep = id(created(api.reply(other, erasedReply, otherText("deep", "A reply to the answer"))));
        Http.Response edited = api.edit(erased, first, "Edited " + phrase("edited"), 1);
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        created(api.shareLink(erased, pageTopic, "https://example.net/" + phrase("shared"), "Note " + phrase("note"),
                otherReply));
        String otherRoot = id(created(api.postComment(other, pageTopic, otherText("root", "A root of the other"))));
        String retracted = id(created(api.postComment(erased, pageTopic, "Regret " + phrase("regret"))));
        Http.Response retraction = api.retract(erased, retracted, "Reason " + phrase("reason"));
        assertThat(retraction.status()).as(retraction.toString()).isEqualTo(204);
        String lastOnPage = retraction.header("X-Commonplace-Position");

        created(api.openTopic(erased, openedTopic, "Opened by a person " + run, null));
        String second = id(created(api.postComment(erased, openedTopic, "Second page " + phrase("second"))));
        JsonNode otherOnSecond = created(api.reply(other, second, otherText("second", "On the second page")));
        String lastOnSecond = otherOnSecond.get("position").asText();
        awaitApplied(lastOnPage);
        awaitApplied(lastOnSecond);
        List<String> topics = List.of(pageTopic, openedTopic);
        List<String> comments = List.of(first, otherReply, erasedReply, otherDeep, otherRoot, retracted, second,
                id(otherOnSecond));
        List<String> authors = List.of(erasedId, otherId, "site");
        List<String> searched = searchedFor();
        System.out.printf("erasure: discussion of %d comments posted and applied in %d ms%n", comments.size(),
                millisSince(started));

        // before: the export has every phrase, the read models show them (the search can find what is there)
        Http.Response export = api.export(erased, erasedId);
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        new PlainTextSearch.Corpus().add("export", export.body()).assertContainsEach(erasedPhrases.values());
        new PlainTextSearch.Corpus().add("export", export.body()).assertContainsEach(List.of(erasedName));
        Map<String, List<Instant>> before = eventInstants(topics);
        PlainTextSearch.Corpus shownBefore = PublicAnswers.of(api, before, comments, authors);
        shownBefore.assertContainsEach(List.of(erasedPhrases.get("edited"), erasedPhrases.get("answer"),
                erasedPhrases.get("note"), erasedPhrases.get("second"), erasedName));
        DatabaseDump.Dump dumpBefore = dump();
        corpusOf(dumpBefore).assertContainsEach(List.of(erasedPhrases.get("edited"), erasedName));
        Map<String, JsonNode> placesBefore = ReadModels.places(api, pageTopic);
        Map<String, Integer> countsBefore = commentCounts(api, topics);
        Instant justBeforeErasure = Instant.now();

        // the erasure, by the author's own token
        long erasing = System.nanoTime();
        Http.Response erasure = api.erase(erased, erasedId);
        assertThat(erasure.status()).as(erasure.toString()).isEqualTo(202);
        String erasureId = erasure.json().get("erasureId").asText();
        String erasurePosition = erasure.json().get("position").asText();
        awaitApplied(erasurePosition);
        System.out.printf("erasure: 202 and applied in every topic in %d ms%n", millisSince(erasing));

        PlainTextSearch.Corpus commandAnswers = new PlainTextSearch.Corpus()
                .add("POST erasure", PublicAnswers.answerText(erasure));

        // erasing again: the same erasure, nothing new recorded
        Map<String, Integer> feedBefore = feedLengths(api, topics);
        long storedBefore = EventStore.readAll(infrastructure).size();
        Http.Response again = api.erase(erased, erasedId);
        assertThat(again.status()).as(again.toString()).isEqualTo(202);
        assertThat(again.json().get("erasureId").asText()).isEqualTo(erasureId);
        assertThat(again.json().get("position").asText()).isEqualTo(erasurePosition);
        commandAnswers.add("POST erasure again", PublicAnswers.answerText(again));
        assertThat(EventStore.readAll(infrastructure)).hasSize((int) storedBefore);
        // a later write of the other author is the next event of its topic: nothing of the erasure came in between
        JsonNode later = created(api.postComment(other, pageTopic, otherText("later", "Written after the erasure")));
        commandAnswers.add("POST comment after", later.toString());
        awaitApplied(later.get("position").asText());
        Map<String, Integer> feedAfter = feedLengths(api, topics);
        assertThat(feedAfter).containsEntry(pageTopic, feedBefore.get(pageTopic) + 1)
                .containsEntry(openedTopic, feedBefore.get(openedTopic));
        assertThat(EventStore.readAll(infrastructure)).hasSize((int) storedBefore + 1);
        List<EventEnvelope> envelopes = FeedLog.readAll(infrastructure.kafkaBootstrapServers(),
                infrastructure.kafkaTopic());
        assertThat(envelopes).filteredOn(envelope -> envelope.type().equals("AuthorErased"))
                .extracting(EventEnvelope::topicId).containsExactlyInAnyOrderElementsOf(topics);

        // what the command service answers about the erased author now
        Http.Response replyToErased = api.reply(other, erasedReply, "A reply to a placeholder");
        assertThat(replyToErased.status()).as(replyToErased.toString()).isEqualTo(409);
        commandAnswers.add("POST reply to erased", PublicAnswers.answerText(replyToErased));
        List<String> keyIds = envelopes.stream().filter(envelope -> erasedId.equals(envelope.authorId()))
                .map(envelope -> envelope.payload().path("encrypted").path("keyId").asText(""))
                .filter(keyId -> !keyId.isEmpty()).distinct().toList();
        assertThat(keyIds).isNotEmpty();
        Http.Response keys = api.lookUpKeys(api.keyReaderToken("system-tests-reader"), keyIds);
        assertThat(keys.status()).as(keys.toString()).isEqualTo(200);
        assertThat(keys.json().get("keys")).isEmpty();
        assertThat(keys.json().get("erased").findValuesAsText("keyId")).containsExactlyInAnyOrderElementsOf(keyIds);
        commandAnswers.add("POST keys/lookup", PublicAnswers.answerText(keys));

        // the other author's replies: intact, in place, counts kept
        List<String> allComments = new ArrayList<>(comments);
        allComments.add(id(later));
        Map<String, JsonNode> placesAfter = ReadModels.places(api, pageTopic);
        assertPlacesKept(placesBefore, placesAfter, Set.of(first, erasedReply, retracted));
        assertThat(placesAfter.get(otherReply).get("body").asText()).isEqualTo(otherTexts.get("reply"));
        assertThat(placesAfter.get(otherDeep).get("body").asText()).isEqualTo(otherTexts.get("deep"));
        assertThat(placesAfter.get(otherRoot).get("body").asText()).isEqualTo(otherTexts.get("root"));
        assertThat(placesAfter.get(otherReply).get("author").get("name").asText()).isEqualTo(otherName);
        assertErasedInPlace(placesAfter.get(first));
        assertErasedInPlace(placesAfter.get(erasedReply));
        Map<String, Integer> countsAfter = commentCounts(api, topics);
        assertThat(countsAfter).containsEntry(openedTopic, countsBefore.get(openedTopic))
                .containsEntry(pageTopic, countsBefore.get(pageTopic) + 1);
        JsonNode secondThread = api.read("/topics/" + openedTopic + "/thread").json().get("items").get(0);
        assertErasedInPlace(secondThread);
        assertThat(secondThread.get("replies").get(0).get("body").asText()).isEqualTo(otherTexts.get("second"));

        // nowhere in any answer of the query service, asOf before and after the erasure, nor in the export
        long searching = System.nanoTime();
        // every event's instant (all before the erasure), one just before it and one after it
        Map<String, List<Instant>> instants = eventInstants(topics, justBeforeErasure, Instant.now());
        PlainTextSearch.Corpus answers = PublicAnswers.of(api, instants, allComments, authors);
        Http.Response exportAfter = api.export(erased, erasedId);
        answers.add("GET export of the erased author", PublicAnswers.answerText(exportAfter));
        answers.add("GET export of the other author", PublicAnswers.answerText(api.export(other, otherId)));
        answers.addAll(commandAnswers);
        answers.assertContainsNone(searched);
        answers.assertContainsEach(otherTexts.values());

        // nowhere on Kafka: every record's key, value and headers, read by a plain consumer
        List<TopicLog.RawRecord> records = TopicLog.readRecords(infrastructure.kafkaBootstrapServers(),
                infrastructure.kafkaTopic());
        assertThat(records).hasSizeGreaterThanOrEqualTo(envelopes.size());
        PlainTextSearch.Corpus kafka = new PlainTextSearch.Corpus();
        records.forEach(record -> kafka.add("record " + record.partition() + "@" + record.offset(), recordText(record)));
        kafka.assertContainsNone(searched);
        // what stays plaintext on the topic is found: the search reads every value
        kafka.assertContainsEach(List.of("Episode " + run, "Opened by a person " + run, erasureId));

        // nowhere in a query service rebuilt from offset 0 into a fresh database
        long rebuilding = System.nanoTime();
        ServiceProcess fresh = stack.startFreshQueryService("erasure_rebuild_" + run);
        try {
            ApiClient rebuilt = stack.apiReadingFrom(fresh);
            awaitApplied(rebuilt, later.get("position").asText());
            awaitApplied(rebuilt, lastOnSecond);
            awaitApplied(rebuilt, erasurePosition);
            System.out.printf("erasure: fresh query service rebuilt from offset 0 in %d ms%n", millisSince(rebuilding));
            PlainTextSearch.Corpus rebuiltAnswers = PublicAnswers.of(rebuilt, instants, allComments, authors);
            rebuiltAnswers.add("GET export (rebuilt)", PublicAnswers.answerText(rebuilt.export(erased, erasedId)));
            rebuiltAnswers.assertContainsNone(searched);
            rebuiltAnswers.assertContainsEach(otherTexts.values());
            Map<String, JsonNode> rebuiltPlaces = ReadModels.places(rebuilt, pageTopic);
            assertPlacesKept(placesAfter, rebuiltPlaces, Set.of());
            assertThat(commentCounts(rebuilt, topics)).isEqualTo(countsAfter);

            // nowhere in a dump of every database of the server (the rebuilt one's too), nor in any service's log
            DatabaseDump.Dump dumpAfter = dump();
            System.out.printf("erasure: dumped %d databases with %s%n", dumpAfter.databases().size(),
                    dumpAfter.method());
            corpusOf(dumpAfter).assertContainsNone(searched);
            PlainTextSearch.Corpus logs = new PlainTextSearch.Corpus();
            for (ServiceProcess service : List.of(stack.command, stack.query, fresh)) {
                logs.add(service.log().toString(), Files.readString(service.log(), StandardCharsets.UTF_8));
            }
            logs.assertContainsNone(searched);
        } finally {
            fresh.stop();
        }
        System.out.printf("erasure: searched %d answers, %d records, the dumps and the logs in %d ms; whole test %d ms%n",
                answers.size(), records.size(), millisSince(searching), millisSince(started));
    }

    /** The erased author's phrases and their display name, whole and its unusual part. */
    private List<String> searchedFor() {
        List<String> searched = new ArrayList<>(erasedPhrases.values());
        searched.add(erasedName);
        searched.add(erasedName.substring(erasedName.indexOf(' ') + 1));
        return searched;
    }

    private String otherText(String label, String text) {
        String full = text + " (" + label + " by the other author " + run + ")";
        otherTexts.put(label, full);
        return full;
    }

    private void assertErasedInPlace(JsonNode comment) {
        assertThat(comment.get("body").isNull()).as("erased body of %s", comment).isTrue();
        assertThat(comment.get("withheld").asText()).isEqualTo("erased");
        assertThat(comment.get("author").get("id").asText()).isEqualTo(erasedId);
        assertThat(comment.get("author").get("name").asText()).isEqualTo(erasedId);
        assertThat(comment.get("links")).isEmpty();
    }

    /** Every comment keeps its id, parent, depth and reply count; those named also had their text removed. */
    private static void assertPlacesKept(Map<String, JsonNode> before, Map<String, JsonNode> after, Set<String> erased) {
        assertThat(after.keySet()).containsAll(before.keySet());
        before.forEach((id, comment) -> {
            JsonNode now = after.get(id);
            for (String field : List.of("parentId", "depth", "replyCount", "retracted", "createdAt")) {
                assertThat(now.get(field)).as("%s of %s", field, id).isEqualTo(comment.get(field));
            }
            if (erased.contains(id)) {
                assertThat(now.get("body").isNull()).as("body of %s", id).isTrue();
            }
        });
    }

    private static Map<String, Integer> commentCounts(ApiClient api, List<String> topics) {
        Map<String, Integer> counts = new HashMap<>();
        topics.forEach(topic -> counts.put(topic, api.read("/topics/" + topic).json().get("commentCount").asInt()));
        return counts;
    }

    private static Map<String, Integer> feedLengths(ApiClient api, List<String> topics) {
        Map<String, Integer> lengths = new HashMap<>();
        topics.forEach(topic -> lengths.put(topic, (int) api.read("/topics/" + topic + "/events").body().lines()
                .filter(line -> !line.isBlank()).count()));
        return lengths;
    }

    /** The instant of every event of each topic, as its timeline gives them, and the extra instants given. */
    private Map<String, List<Instant>> eventInstants(List<String> topics, Instant... extra) {
        Map<String, List<Instant>> byTopic = new LinkedHashMap<>();
        for (String topic : topics) {
            Set<Instant> instants = new LinkedHashSet<>();
            ReadModels.pages(api, "/topics/" + topic + "/timeline?limit=500")
                    .forEach(entry -> instants.add(Instant.parse(entry.get("at").asText())));
            instants.addAll(List.of(extra));
            byTopic.put(topic, new ArrayList<>(instants));
        }
        return byTopic;
    }

    private DatabaseDump.Dump dump() {
        return DatabaseDump.everyDatabaseOf(infrastructure.jdbcUrl(), infrastructure.databaseUser(),
                infrastructure.databasePassword());
    }

    private static PlainTextSearch.Corpus corpusOf(DatabaseDump.Dump dump) {
        PlainTextSearch.Corpus corpus = new PlainTextSearch.Corpus();
        dump.databases().forEach((database, text) -> corpus.add("database " + database, text));
        return corpus;
    }

    private static String recordText(TopicLog.RawRecord record) {
        StringBuilder text = new StringBuilder();
        if (record.key() != null) {
            text.append(new String(record.key(), StandardCharsets.UTF_8)).append('\n');
        }
        for (Header header : record.headers()) {
            text.append(header.key()).append('=').append(header.value() == null ? ""
                    : new String(header.value(), StandardCharsets.UTF_8)).append('\n');
        }
        if (record.value() != null) {
            text.append(new String(record.value(), StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    private void awaitApplied(String position) {
        awaitApplied(api, position);
    }

    /** Reads until the position is applied (an erasure's: in every topic it spans), not merely waited for. */
    private static void awaitApplied(ApiClient reader, String position) {
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Http.Response read = reader.read("/topics?consistentWith=" + ApiClient.encode(position));
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.header("X-Commonplace-Stale")).as("stale at %s", position).isNull();
        });
    }

    private static JsonNode created(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response.json();
    }

    private static String id(JsonNode created) {
        return created.get("commentId").asText();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}

package commonplace.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTest {

    @Test
    void an_envelope_round_trips_with_its_payload_byte_exact() {
        CommentPosted posted = new CommentPosted("episode-90", "c-1", "Hei på deg, “venn”! 🎉\n\nAvsnitt to\tmed tab.",
                "kari", "Kari Nordmann");
        EventEnvelope envelope = EventEnvelope.wrap("e-1", 7, Instant.parse("2026-11-25T04:05:06.123456Z"), posted);

        EventEnvelope read = EventEnvelope.fromJson(envelope.toJsonBytes());

        assertThat(read).isEqualTo(envelope);
        assertThat(read.event()).isEqualTo(posted);
        assertThat(read.type()).isEqualTo("CommentPosted");
        assertThat(read.schemaVersion()).isEqualTo(EventTypes.of(CommentPosted.class).schemaVersion());
        assertThat(read.sequence()).isEqualTo(7);
        assertThat(read.authorId()).isEqualTo("kari");
    }

    @Test
    void instants_are_iso_8601_utc_in_milliseconds() throws Exception {
        EventEnvelope envelope = EventEnvelope.wrap("e-1", 1, Instant.parse("2026-11-25T04:05:06.123456Z"),
                new TopicUnlocked("t", "mod", "Moderator"));

        JsonNode json = EventJson.mapper().readTree(envelope.toJsonBytes());

        assertThat(json.get("occurredAt").asText()).isEqualTo("2026-11-25T04:05:06.123Z");
    }

    @Test
    void a_consumer_ignores_fields_it_does_not_know() {
        String json = """
                {"eventId":"e-9","type":"TopicUnlocked","schemaVersion":1,"topicId":"t","sequence":3,
                 "occurredAt":"2026-11-25T04:05:06.123Z","authorId":"mod","addedLater":true,
                 "payload":{"topicId":"t","authorId":"mod","authorName":"Moderator","alsoNew":[1,2]}}""";

        EventEnvelope envelope = EventEnvelope.fromJson(json.getBytes(StandardCharsets.UTF_8));

        assertThat(envelope.event()).isEqualTo(new TopicUnlocked("t", "mod", "Moderator"));
    }

    @Test
    void an_unknown_type_is_reported_not_guessed() {
        String json = """
                {"eventId":"e-9","type":"CommentLiked","schemaVersion":1,"topicId":"t","sequence":3,
                 "occurredAt":"2026-11-25T04:05:06.123Z","authorId":"a","payload":{}}""";

        EventEnvelope envelope = EventEnvelope.fromJson(json.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(envelope::event).isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("CommentLiked");
    }

    @Test
    void a_schema_version_newer_than_the_code_is_reported() {
        String json = """
                {"eventId":"e-9","type":"TopicUnlocked","schemaVersion":99,"topicId":"t","sequence":3,
                 "occurredAt":"2026-11-25T04:05:06.123Z","authorId":"a","payload":{}}""";

        EventEnvelope envelope = EventEnvelope.fromJson(json.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(envelope::event).isInstanceOf(UnreadableEventException.class).hasMessageContaining("99");
    }

    @Test
    void bytes_that_are_not_an_envelope_are_reported() {
        assertThatThrownBy(() -> EventEnvelope.fromJson("{\"type\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> EventEnvelope.fromJson("{\"type\":\"X\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> EventEnvelope.fromJson("null".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEventException.class);
    }
}

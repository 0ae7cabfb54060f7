package commonplace.events;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The one-pass decoding gives what the two steps give (EventEnvelope.fromJson, then event()), failures included. */
class DecodedEnvelopeTest {

    @Test
    void every_sample_event_decodes_as_the_two_steps_decode_it() {
        List<DiscussionEvent> samples = new ArrayList<>(SampleEvents.full());
        samples.addAll(SampleEvents.minimal());
        samples.addAll(SampleEvents.imported());
        long sequence = 1;
        for (DiscussionEvent event : samples) {
            byte[] json = EventEnvelope.wrap("e-" + sequence, sequence++, Instant.parse("2026-11-25T04:05:06.123Z"),
                    event).toJsonBytes();

            assertThat(DecodedEnvelope.fromJson(json)).isEqualTo(twoSteps(json)).extracting(DecodedEnvelope::event)
                    .isEqualTo(event);
        }
    }

    @Test
    void every_stored_version_decodes_as_the_two_steps_decode_it() throws IOException {
        for (EventTypes.EventType type : EventTypes.all()) {
            for (int version = 1; version <= type.schemaVersion(); version++) {
                byte[] json = fixture(type.name(), version);

                assertThat(DecodedEnvelope.fromJson(json)).as(type.name() + " v" + version).isEqualTo(twoSteps(json));
            }
        }
    }

    @Test
    void fields_in_another_order_or_unknown_ones_decode_the_same() {
        String json = """
                {"payload":{"topicId":"t","authorId":"mod","authorName":"Moderator","alsoNew":[1,{"a":2}]},
                 "addedLater":{"x":[true]},"sequence":3,"schemaVersion":1,"type":"TopicUnlocked","eventId":"e-9",
                 "topicId":"t","occurredAt":"2026-11-25T04:05:06.123Z"}""";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        assertThat(DecodedEnvelope.fromJson(bytes)).isEqualTo(twoSteps(bytes))
                .extracting(DecodedEnvelope::event).isEqualTo(new TopicUnlocked("t", "mod", "Moderator"));
    }

    @Test
    void an_unreadable_record_fails_with_the_two_steps_message() {
        String envelope = """
                {"eventId":"e-9","type":"TopicUnlocked","schemaVersion":1,"topicId":"t","sequence":3,
                 "occurredAt":"2026-11-25T04:05:06.123Z","authorId":"a","payload":{"topicId":"t"}}""";
        List<String> unreadable = List.of("not json at all", "null", "{\"type\":", "{\"type\":\"X\"}", "[1]",
                envelope.replace("\"TopicUnlocked\"", "\"CommentLiked\""),
                envelope.replace("\"schemaVersion\":1", "\"schemaVersion\":99"),
                envelope.replace("\"sequence\":3", "\"sequence\":0"),
                envelope.replace("\"payload\":{\"topicId\":\"t\"}", "\"payload\":[]"),
                envelope.replace("\"payload\":{\"topicId\":\"t\"}", "\"payload\":{\"topicId\":{\"not\":\"text\"}}"),
                envelope.replace(",\"payload\":{\"topicId\":\"t\"}", ""),
                envelope.replace("\"eventId\":\"e-9\",", ""),
                envelope + " trailing");
        for (String json : unreadable) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            RuntimeException expected = twoStepsFailure(bytes);
            if (expected == null) {
                // readable both ways (trailing text after the envelope is ignored by both)
                assertThat(DecodedEnvelope.fromJson(bytes)).as(json).isEqualTo(twoSteps(bytes));
                continue;
            }
            UnreadableEventException failure = catchThrowableOfType(() -> DecodedEnvelope.fromJson(bytes),
                    UnreadableEventException.class);

            assertThat(failure).as(json).isNotNull();
            assertThat(failure.getMessage()).as(json).isEqualTo(expected.getMessage());
        }
    }

    private static DecodedEnvelope twoSteps(byte[] json) {
        EventEnvelope envelope = EventEnvelope.fromJson(json);
        return DecodedEnvelope.of(envelope, envelope.event());
    }

    private static RuntimeException twoStepsFailure(byte[] json) {
        try {
            twoSteps(json);
            return null;
        } catch (UnreadableEventException e) {
            return e;
        }
    }

    private static byte[] fixture(String type, int version) throws IOException {
        try (InputStream in = DecodedEnvelopeTest.class.getResourceAsStream("/fixtures/" + type + ".v" + version
                + ".json")) {
            assertThat(in).as("fixture of " + type + " v" + version).isNotNull();
            return in.readAllBytes();
        }
    }
}

package commonplace.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import commonplace.events.language.LanguageGuess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every version of every event that was ever written stays readable as the current record. */
class StoredFixturesTest {

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @Test
    void every_version_of_every_event_has_a_fixture_valid_against_that_versions_schema_and_reads_as_current() throws IOException {
        for (EventTypes.EventType type : EventTypes.all()) {
            for (int version = 1; version <= type.schemaVersion(); version++) {
                byte[] stored = fixture(type.name(), version);
                EventEnvelope envelope = EventEnvelope.fromJson(stored);
                assertThat(envelope.schemaVersion()).isEqualTo(version);
                assertThat(schema(type.name(), version).validate(envelope.payload()))
                        .as(type.name() + " v" + version).isEmpty();

                DiscussionEvent event = envelope.event();

                assertThat(event).isInstanceOf(type.recordClass());
                assertThat(event.topicId()).isEqualTo(envelope.topicId());
                assertThat(event.authorId()).isEqualTo(envelope.authorId());
                JsonNode current = EventJson.mapper().valueToTree(event);
                assertThat(schema(type.name(), type.schemaVersion()).validate(current))
                        .as(type.name() + " v" + version + " read as v" + type.schemaVersion()).isEmpty();
            }
        }
    }

    @Test
    void a_version_1_comment_is_read_as_version_2_with_its_language_guessed() throws IOException {
        EventEnvelope v1 = EventEnvelope.fromJson(fixture("CommentPosted", 1));

        CommentPosted posted = (CommentPosted) v1.event();

        assertThat(v1.payload().has("language")).isFalse();
        assertThat(posted.language()).isEqualTo(LanguageGuess.NORWEGIAN);
        assertThat(posted.body()).isEqualTo("Flott episode! Jeg er enig – se https://example.com/a\n\nAndre avsnitt på norsk.");
    }

    @Test
    void a_version_2_comment_keeps_the_language_it_was_written_with() throws IOException {
        CommentPosted posted = (CommentPosted) EventEnvelope.fromJson(fixture("CommentPosted", 2)).event();

        assertThat(posted.language()).isEqualTo(LanguageGuess.ENGLISH);
    }

    private static byte[] fixture(String type, int version) throws IOException {
        try (InputStream in = StoredFixturesTest.class.getResourceAsStream("/fixtures/" + type + ".v" + version + ".json")) {
            assertThat(in).as("fixture of " + type + " v" + version).isNotNull();
            return in.readAllBytes();
        }
    }

    private static JsonSchema schema(String type, int version) throws IOException {
        try (InputStream in = StoredFixturesTest.class.getResourceAsStream(EventSchemaTest.schemaPath(type, version))) {
            assertThat(in).as("schema of " + type + " v" + version).isNotNull();
            return SCHEMAS.getSchema(in);
        }
    }
}

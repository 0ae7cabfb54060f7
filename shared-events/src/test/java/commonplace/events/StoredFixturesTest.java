package commonplace.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import commonplace.events.language.LanguageGuess;
import commonplace.events.privacy.DecryptedEvent;
import commonplace.events.privacy.FixtureKeys;
import commonplace.events.privacy.WithheldReason;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every version of every event that was ever written stays readable as the current record. */
class StoredFixturesTest {

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final FixtureKeys KEYS = FixtureKeys.load();
    private static final int NEWEST_ENVELOPE = 2;

    @Test
    void every_version_of_every_event_has_a_fixture_valid_against_that_versions_schema_and_reads_as_current() throws IOException {
        for (EventTypes.EventType type : EventTypes.all()) {
            for (int version = 1; version <= type.schemaVersion(); version++) {
                byte[] stored = fixture(type.name(), version);
                EventEnvelope envelope = EventEnvelope.fromJson(stored);
                assertThat(envelope.schemaVersion()).isEqualTo(version);
                assertThat(schema(type.name(), version).validate(envelope.payload()))
                        .as(type.name() + " v" + version).isEmpty();

                assertThat(schema("envelope", NEWEST_ENVELOPE).validate(EventJson.mapper().readTree(stored)))
                        .as(type.name() + " v" + version + " envelope").isEmpty();
                DecryptedEvent read = envelope.read(KEYS);
                DiscussionEvent event = read.event();

                assertThat(read.withheld()).as(type.name() + " v" + version).isEmpty();
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

    @Test
    void a_sealed_fixture_reads_with_its_writers_key_exactly_as_the_plaintext_one_before_it() throws IOException {
        for (EventTypes.EventType type : EventTypes.all()) {
            if (!SealedVersions.sealable(type)) {
                continue;
            }
            int sealedVersion = type.schemaVersion();
            EventEnvelope sealed = EventEnvelope.fromJson(fixture(type.name(), sealedVersion));
            EventEnvelope plaintext = EventEnvelope.fromJson(fixture(type.name(), sealedVersion - 1));

            assertThat(sealed.payload().has("encrypted")).as(type.name()).isTrue();
            assertThat(sealed.read(KEYS).event()).as(type.name()).isEqualTo(plaintext.event());
        }
    }

    @Test
    void a_sealed_fixture_whose_writer_was_erased_reads_with_placeholders_and_keeps_its_place() throws IOException {
        EventEnvelope reply = EventEnvelope.fromJson(fixture("ReplyPosted", 2));

        DecryptedEvent read = reply.read(KEYS.erasing("bo"));

        ReplyPosted erased = (ReplyPosted) read.event();
        assertThat(read.withheld()).containsOnly(Map.entry("body", WithheldReason.ERASED),
                Map.entry("authorName", WithheldReason.ERASED));
        assertThat(erased).isEqualTo(new ReplyPosted("episode-90", "c-2", "c-1", null, "bo", null));
        assertThat(schema("ReplyPosted", 2).validate(reply.decrypted(KEYS.erasing("bo")).payload())).isEmpty();
    }

    @Test
    void the_erasure_fixture_names_the_erased_key_and_no_one() throws IOException {
        AuthorErased erased = (AuthorErased) EventEnvelope.fromJson(fixture("AuthorErased", 1)).event();

        assertThat(erased.erasedKeyIds()).containsExactly(KEYS.keyOf("bo").keyId());
        assertThat(erased.authorName()).isNull();
        assertThat(new String(fixture("AuthorErased", 1), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("authorName");
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

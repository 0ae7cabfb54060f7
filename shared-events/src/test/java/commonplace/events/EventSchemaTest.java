package commonplace.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import commonplace.events.privacy.DataKey;
import commonplace.events.privacy.DataKeys;
import commonplace.events.privacy.KeyLookup;
import commonplace.events.privacy.PersonalFields;
import commonplace.events.privacy.WithheldReason;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EventSchemaTest {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @Test
    void every_event_type_ships_a_schema_for_its_current_version() {
        for (EventTypes.EventType type : EventTypes.all()) {
            assertThat(EventJsonTest.class.getResource(schemaPath(type.name(), type.schemaVersion())))
                    .as(type.name()).isNotNull();
        }
    }

    @Test
    void every_record_serialises_to_json_valid_against_its_schema_and_back() throws IOException {
        List<DiscussionEvent> samples = new ArrayList<>(SampleEvents.full());
        samples.addAll(SampleEvents.minimal());
        samples.addAll(SampleEvents.imported());
        for (DiscussionEvent event : samples) {
            EventTypes.EventType type = EventTypes.of(event);
            JsonNode json = EventJson.mapper().valueToTree(event);

            assertThat(schema(type.name(), type.schemaVersion()).validate(json)).as(json.toString()).isEmpty();
            assertThat(EventJson.mapper().treeToValue(json, type.recordClass())).isEqualTo(event);
        }
    }

    @Test
    void every_event_type_has_a_sample() {
        Set<Class<?>> sampled = new java.util.HashSet<>();
        SampleEvents.full().forEach(e -> sampled.add(e.getClass()));
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(
                EventTypes.all().stream().map(EventTypes.EventType::recordClass).toList());
    }

    @Test
    void envelopes_are_valid_against_the_envelope_schema_and_those_of_the_first_types_against_its_first_version()
            throws IOException {
        JsonSchema first = schema("envelope", 1);
        JsonSchema newest = schema("envelope", 2);
        long sequence = 1;
        for (DiscussionEvent event : SampleEvents.full()) {
            EventEnvelope envelope = EventEnvelope.wrap("e-" + sequence, sequence++, Instant.now(), event);
            JsonNode json = EventJson.mapper().readTree(envelope.toJsonBytes());
            Set<ValidationMessage> errors = newest.validate(json);
            assertThat(errors).as(json.toString()).isEmpty();
            if (!(event instanceof AuthorErased)) {
                assertThat(first.validate(json)).as(json.toString()).isEmpty();
            }
        }
    }

    @Test
    void every_sealed_payload_and_its_decrypted_and_erased_forms_are_valid_against_the_schema() throws IOException {
        List<DiscussionEvent> samples = new ArrayList<>(SampleEvents.full());
        samples.addAll(SampleEvents.minimal());
        samples.addAll(SampleEvents.imported());
        long sequence = 1;
        for (DiscussionEvent event : samples) {
            DataKey key = DataKey.generate(event.authorId());
            EventEnvelope sealed = EventEnvelope.wrapSealed("e-" + sequence, sequence++, Instant.now(), event, key);
            JsonSchema schema = schema(sealed.type(), sealed.schemaVersion());

            assertThat(schema.validate(sealed.payload())).as(sealed.payload().toString()).isEmpty();
            assertThat(schema.validate(sealed.decrypted(found(key)).payload())).isEmpty();
            JsonNode erased = sealed.decrypted(keyId -> KeyLookup.erased()).payload();
            assertThat(schema.validate(erased)).as(erased.toString()).isEmpty();
        }
    }

    @Test
    void a_schema_refuses_a_sealed_field_the_type_does_not_have_and_a_field_in_two_places() throws IOException {
        DataKey key = DataKey.generate("kari");
        ObjectNode sealed = (ObjectNode) EventEnvelope.wrapSealed("e-1", 1, Instant.now(), SampleEvents.full().get(1),
                key).payload();
        JsonSchema schema = schema("CommentPosted", 3);

        ObjectNode forged = sealed.deepCopy();
        ((ObjectNode) forged.get("encrypted").get("fields")).put("commentId", sealed.at("/encrypted/fields/body").asText());
        assertThat(schema.validate(forged)).isNotEmpty();

        ObjectNode twice = sealed.deepCopy();
        twice.put("body", "in plaintext beside its sealed value");
        assertThat(schema.validate(twice)).isNotEmpty();

        ObjectNode missing = sealed.deepCopy();
        ((ObjectNode) missing.get("encrypted").get("fields")).remove("body");
        assertThat(schema.validate(missing)).isNotEmpty();

        ObjectNode otherAlgorithm = sealed.deepCopy();
        ((ObjectNode) otherAlgorithm.get("encrypted")).put("algorithm", "ROT13");
        assertThat(schema.validate(otherAlgorithm)).isNotEmpty();
    }

    @Test
    void every_sealing_schema_names_exactly_the_personal_fields_of_its_type() throws IOException {
        for (EventTypes.EventType type : EventTypes.all()) {
            JsonNode schema = schemaJson(type.name(), type.schemaVersion());
            Set<String> sealable = new java.util.TreeSet<>();
            schema.at("/properties/encrypted/properties/fields/properties").fieldNames().forEachRemaining(sealable::add);
            Set<String> personal = new java.util.TreeSet<>();
            PersonalFields.of(type.name()).forEach(field -> personal.add(field.name()));

            assertThat(sealable).as(type.name()).isEqualTo(personal);
            for (PersonalFields.PersonalField field : PersonalFields.of(type.name())) {
                assertThat(schema.at("/properties/" + field.name() + "/maxLength").asInt())
                        .as(type.name() + "." + field.name()).isEqualTo(field.maxLength());
                assertThat(schema.get("required").toString()).as(type.name()).doesNotContain('"' + field.name() + '"');
            }
        }
    }

    @Test
    void the_types_that_carry_a_reason_accept_every_withheld_reason_for_it_and_refuse_any_other() throws IOException {
        for (String type : List.of("TopicLocked", "CommentRetracted")) {
            JsonSchema schema = schema(type, 2);
            for (WithheldReason reason : WithheldReason.values()) {
                ObjectNode payload = reasonWithheld(type, reason.wire());
                assertThat(schema.validate(payload)).as(type + " withheld " + reason.wire()).isEmpty();
            }
            assertThat(schema.validate(reasonWithheld(type, "secret"))).as(type).isNotEmpty();
        }
    }

    private static ObjectNode reasonWithheld(String type, String reason) {
        ObjectNode payload = EventJson.mapper().createObjectNode()
                .put("topicId", "episode-90").put("authorId", "mod").put("authorName", "Mod");
        if ("CommentRetracted".equals(type)) {
            payload.put("commentId", "c-1").put("byModerator", true);
        }
        payload.putObject("withheld").put("reason", reason);
        return payload;
    }

    private static DataKeys found(DataKey key) {
        return keyId -> keyId.equals(key.keyId()) ? new KeyLookup.Found(key) : KeyLookup.unknown();
    }

    @Test
    void a_schema_refuses_an_imported_block_without_its_time_or_with_a_field_it_does_not_have() throws IOException {
        ObjectNode json = EventJson.mapper().valueToTree(SampleEvents.imported().get(1));
        JsonSchema schema = schema("CommentPosted", 3);
        assertThat(schema.validate(json)).isEmpty();

        ObjectNode timeless = json.deepCopy();
        ((ObjectNode) timeless.get("imported")).remove("at");
        assertThat(schema.validate(timeless)).isNotEmpty();

        ObjectNode extra = json.deepCopy();
        ((ObjectNode) extra.get("imported")).put("email", "kari@example.no");
        assertThat(schema.validate(extra)).isNotEmpty();
    }

    @Test
    void a_schema_rejects_a_payload_missing_a_required_field() throws IOException {
        JsonNode json = EventJson.mapper().valueToTree(SampleEvents.full().get(1));
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).remove("body");

        assertThat(schema("CommentPosted", 1).validate(json)).isNotEmpty();
    }

    static String schemaPath(String name, int version) {
        return "/schemas/" + name + ".v" + version + ".json";
    }

    private static JsonNode schemaJson(String name, int version) throws IOException {
        try (InputStream in = EventSchemaTest.class.getResourceAsStream(schemaPath(name, version))) {
            return EventJson.mapper().readTree(in);
        }
    }

    private static JsonSchema schema(String name, int version) throws IOException {
        try (InputStream in = EventSchemaTest.class.getResourceAsStream(schemaPath(name, version))) {
            assertThat(in).as("schema " + name + " v" + version).isNotNull();
            return FACTORY.getSchema(in);
        }
    }
}

package commonplace.events;

import com.fasterxml.jackson.databind.JsonNode;
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
    void envelopes_are_valid_against_the_envelope_schema() throws IOException {
        JsonSchema envelopeSchema = schema("envelope", 1);
        long sequence = 1;
        for (DiscussionEvent event : SampleEvents.full()) {
            EventEnvelope envelope = EventEnvelope.wrap("e-" + sequence, sequence++, Instant.now(), event);
            JsonNode json = EventJson.mapper().readTree(envelope.toJsonBytes());
            Set<ValidationMessage> errors = envelopeSchema.validate(json);
            assertThat(errors).as(json.toString()).isEmpty();
        }
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

    private static JsonSchema schema(String name, int version) throws IOException {
        try (InputStream in = EventSchemaTest.class.getResourceAsStream(schemaPath(name, version))) {
            assertThat(in).as("schema " + name + " v" + version).isNotNull();
            return FACTORY.getSchema(in);
        }
    }
}

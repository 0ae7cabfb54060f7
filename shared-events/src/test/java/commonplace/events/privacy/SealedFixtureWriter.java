package commonplace.events.privacy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import commonplace.events.EventEnvelope;
import commonplace.events.EventJson;
import commonplace.events.EventTypes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the stored fixture of a new sealed schema version, as it would have been published: the type's newest
 * older fixture, upcast, sealed under the fixture key of its author ({@code keys.json}, created with fresh keys
 * the first time). Never overwrites a fixture: once written, a fixture is the record of what was published.
 * Run from {@code shared-events}: {@code java -cp <test classpath> commonplace.events.privacy.SealedFixtureWriter
 * src/test/resources/fixtures}.
 */
public final class SealedFixtureWriter {

    private static final List<String> AUTHORS = List.of("kari", "ada", "bo", "mod");

    private SealedFixtureWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path fixtures = Path.of(args[0]);
        Path keysFile = fixtures.resolve("keys.json");
        if (!Files.exists(keysFile)) {
            ObjectNode answer = EventJson.mapper().createObjectNode();
            ArrayNode keys = answer.putArray("keys");
            for (String author : AUTHORS) {
                DataKey key = DataKey.generate(author);
                keys.addObject().put("keyId", key.keyId()).put("authorId", author).put("algorithm", "AES-256-GCM")
                        .put("key", key.materialBase64());
            }
            answer.putArray("erased");
            answer.putArray("unknown");
            Files.writeString(keysFile, EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(answer)
                    + "\n");
        }
        FixtureKeys keys = FixtureKeys.parse(EventJson.mapper().readTree(keysFile.toFile()));
        for (EventTypes.EventType type : EventTypes.all()) {
            Path target = fixtures.resolve(type.name() + ".v" + type.schemaVersion() + ".json");
            Path older = fixtures.resolve(type.name() + ".v" + (type.schemaVersion() - 1) + ".json");
            if (Files.exists(target) || !Files.exists(older)) {
                continue;
            }
            EventEnvelope old = EventEnvelope.fromJson(Files.readAllBytes(older));
            EventEnvelope sealed = EventEnvelope.wrapSealed(old.eventId(), old.sequence(), old.occurredAt(),
                    old.event(), keys.keyOf(old.authorId()));
            Files.writeString(target, EventJson.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(EventJson.mapper().readTree(sealed.toJsonBytes())) + "\n");
        }
    }
}

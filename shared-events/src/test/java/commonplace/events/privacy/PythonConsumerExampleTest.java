package commonplace.events.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.events.EventEnvelope;
import commonplace.events.EventJson;
import commonplace.events.EventTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Python example of docs/events.md, run on the fixtures the Java code sealed: it restores exactly what the Java
 * reader restores, and shows an erased, a changed, a moved and a forged value as the Java reader does.
 */
class PythonConsumerExampleTest {

    @Test
    void the_python_example_decrypts_every_sealed_fixture_as_the_java_reader_does(@TempDir Path scratch)
            throws Exception {
        List<String> names = new ArrayList<>();
        for (EventTypes.EventType type : EventTypes.all()) {
            if (!PersonalFields.of(type.name()).isEmpty()) {
                names.add(type.name() + ".v" + type.schemaVersion());
            }
        }

        JsonNode python = EventJson.mapper().readTree(PythonExample.run(scratch, script(), List.of(fixtures(),
                String.join(",", names))));

        FixtureKeys keys = FixtureKeys.load();
        for (String name : names) {
            EventEnvelope sealed = EventEnvelope.fromJson(fixture(name));
            assertThat(python.at("/fixtures/" + name)).as(name).isEqualTo(sealed.decrypted(keys).payload());
            assertThat(python.at("/fixtures/" + name).has("withheld")).as(name).isFalse();
        }
        assertThat(python.at("/fixtures/CommentPosted.v3/body").asText()).isEqualTo("Great episode, thanks!");
        assertThat(python.at("/fixtures/ReplyPosted.v2/authorName").asText()).isEqualTo("Bø Ångström");
        assertThat(python.at("/erased/withheld").toString()).isEqualTo("{\"body\":\"erased\",\"authorName\":\"erased\"}");
        assertThat(python.at("/erased").has("body")).isFalse();
        assertThat(python.at("/tampered/withheld").toString()).isEqualTo("{\"body\":\"unreadable\"}");
        assertThat(python.at("/tampered/authorName").asText()).isEqualTo("Ada Lovelace");
        assertThat(python.at("/moved/withheld").toString())
                .isEqualTo("{\"body\":\"unreadable\",\"authorName\":\"unreadable\"}");
        assertThat(python.at("/forged/commentId").asText()).isEqualTo("c-3");
    }

    private static String script() throws IOException {
        try (InputStream in = PythonConsumerExampleTest.class.getResourceAsStream("/python/check_fixtures.py")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String fixtures() throws URISyntaxException {
        return Path.of(PythonConsumerExampleTest.class.getResource("/fixtures/keys.json").toURI()).getParent()
                .toString();
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = PythonConsumerExampleTest.class.getResourceAsStream("/fixtures/" + name + ".json")) {
            return in.readAllBytes();
        }
    }
}

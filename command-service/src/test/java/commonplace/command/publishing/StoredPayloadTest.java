package commonplace.command.publishing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import commonplace.events.EventEnvelope;
import commonplace.events.EventJson;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredPayloadTest {

    private static final Instant AT = Instant.parse("2026-12-03T08:00:00.123Z");

    @Property(tries = 300)
    void theEnvelopeOfAStoredPayloadIsTheOneItsTreeGives(@ForAll @StringLength(max = 300) String body,
                                                          @ForAll @StringLength(max = 40) String authorName,
                                                          @ForAll @StringLength(min = 1, max = 64) String authorId)
            throws Exception {
        ObjectNode payload = EventJson.mapper().createObjectNode();
        payload.put("topicId", "episode-90").put("commentId", "c-1").put("authorName", authorName);
        payload.putObject("nested").put("authorId", "not-this-one").putArray("deep").add(body).addObject()
                .put("authorId", "nor-this");
        payload.put("note", "\"authorId\":\"forged\"").put("authorId", authorId).put("body", body);
        payload.putObject("encrypted").put("keyId", "k1").putObject("fields").put("body", "c2VhbGVk");
        byte[] stored = EventJson.mapper().writeValueAsBytes(payload);

        StoredPayload read = StoredPayload.of(stored);

        assertThat(read.authorId()).isEqualTo(authorId);
        EventEnvelope fromTree = new EventEnvelope("e-1", "CommentPosted", 2, "episode-90", 7, AT, authorId,
                EventJson.mapper().readTree(stored));
        EventEnvelope fromStored = new EventEnvelope("e-1", "CommentPosted", 2, "episode-90", 7, AT, read.authorId(),
                read.payload());
        assertThat(new String(fromStored.toJsonBytes(), StandardCharsets.UTF_8))
                .isEqualTo(new String(fromTree.toJsonBytes(), StandardCharsets.UTF_8));
        assertThat(EventEnvelope.fromJson(fromStored.toJsonBytes())).isEqualTo(fromTree);
    }

    @Test
    void anAuthorIdOnlyInsideNestedValuesOrStringsIsNone() {
        byte[] json = "{\"a\":{\"authorId\":\"x\"},\"b\":[{\"authorId\":\"y\"}],\"c\":\"\\\"authorId\\\":\\\"z\\\"\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(StoredPayload.of(json).authorId()).isNull();
        assertThat(StoredPayload.topLevelText("{\"authorId\":null}".getBytes(StandardCharsets.UTF_8), "authorId"))
                .isNull();
        assertThat(StoredPayload.topLevelText("{\"authorId\":{\"id\":\"x\"}}".getBytes(StandardCharsets.UTF_8),
                "authorId")).isNull();
    }

    @Test
    void aDeeplyNestedEarlierFieldIsSkippedNotRead() {
        String deep = "[".repeat(900) + "]".repeat(900);
        byte[] json = ("{\"skip\":" + deep + ",\"authorId\":\"ola\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(StoredPayload.of(json).authorId()).isEqualTo("ola");
    }

    @Test
    void whatIsNotAJsonObjectIsRefused() {
        assertThatThrownBy(() -> StoredPayload.of("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredPayload.of("{\"authorId\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

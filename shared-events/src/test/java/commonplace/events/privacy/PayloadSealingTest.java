package commonplace.events.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import commonplace.events.CommentPosted;
import commonplace.events.DiscussionEvent;
import commonplace.events.EventEnvelope;
import commonplace.events.EventJson;
import commonplace.events.EventTypes;
import commonplace.events.LinkOrigin;
import commonplace.events.LinkShared;
import commonplace.events.TopicLocked;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sealing a payload and opening it again, and every way a stored or forged payload can fail to open. */
class PayloadSealingTest {

    private static final Instant AT = Instant.parse("2026-11-25T04:05:06.123Z");
    private static final String BODY = "Flott episode! Se https://hemmelig.example.no/kari 🎉\n\nAndre avsnitt.";

    private final DataKey kari = DataKey.generate("kari");
    private final CommentPosted comment = new CommentPosted("episode-90", "c-1", BODY, "no", "kari", "Kari Nordmann");
    private final EventEnvelope sealed = EventEnvelope.wrapSealed("e-1", 3, AT, comment, kari);

    @Test
    void a_sealed_payload_holds_no_personal_field_and_opens_again_with_the_writers_key() {
        String json = new String(sealed.toJsonBytes(), StandardCharsets.UTF_8);

        assertThat(json).doesNotContain("Flott", "hemmelig", "Kari Nordmann").contains("\"commentId\":\"c-1\"",
                "\"language\":\"no\"", "\"authorId\":\"kari\"", kari.keyId(), "AES-256-GCM");
        assertThat(sealed.payload().at("/encrypted/fields").size()).isEqualTo(2);
        DecryptedEvent read = sealed.read(keys(kari));
        assertThat(read.event()).isEqualTo(comment);
        assertThat(read.withheld()).isEmpty();
    }

    @Test
    void every_personal_field_of_a_link_is_sealed_and_absent_optional_ones_stay_absent() {
        LinkShared shared = new LinkShared("episode-90", "l-1", null, LinkOrigin.SHARE, "https://kari.example/x#y",
                "https://kari.example/x", "kari.example", null, "kari", "Kari Nordmann");
        EventEnvelope envelope = EventEnvelope.wrapSealed("e-2", 4, AT, shared, kari);

        JsonNode fields = envelope.payload().at("/encrypted/fields");
        assertThat(fields.has("url") && fields.has("normalizedUrl") && fields.has("domain")
                && fields.has("authorName")).isTrue();
        assertThat(fields.has("note")).isFalse();
        assertThat(envelope.payload().has("domain")).isFalse();
        assertThat(envelope.read(keys(kari)).event()).isEqualTo(shared);
    }

    @Test
    void the_same_text_sealed_twice_looks_different() {
        EventEnvelope again = EventEnvelope.wrapSealed("e-1", 3, AT, comment, kari);

        assertThat(again.payload().at("/encrypted/fields/body"))
                .isNotEqualTo(sealed.payload().at("/encrypted/fields/body"));
    }

    @Test
    void a_payload_that_seals_nothing_is_read_as_it_is() {
        ObjectNode plaintext = EventJson.mapper().valueToTree(comment);

        assertThat(PayloadDecryption.decrypt(sealed.context(), plaintext, keys(kari))).isSameAs(plaintext);
    }

    @Test
    void an_erased_key_gives_the_placeholder_for_every_sealed_field_and_is_asked_for_once() {
        AtomicInteger asked = new AtomicInteger();
        DecryptedEvent read = sealed.read(keyId -> {
            asked.incrementAndGet();
            return KeyLookup.erased();
        });

        assertThat(read.withheld()).containsOnlyKeys("body", "authorName")
                .allSatisfy((field, reason) -> assertThat(reason).isEqualTo(WithheldReason.ERASED));
        assertThat(read.event()).isEqualTo(new CommentPosted("episode-90", "c-1", null, "no", "kari", null));
        assertThat(asked).hasValue(1);
    }

    @Test
    void a_changed_bit_anywhere_in_a_sealed_value_withholds_that_field_alone() {
        byte[] original = decode(sealed.payload().at("/encrypted/fields/body").asText());
        for (int position : List.of(0, 11, 12, original.length / 2, original.length - 17, original.length - 1)) {
            byte[] changed = original.clone();
            changed[position] ^= 0x01;
            ObjectNode payload = payload();
            fields(payload).put("body", encode(changed));

            DecryptedEvent read = read(payload, keys(kari));

            assertThat(read.withheld()).as("bit at " + position).containsOnlyKeys("body");
            assertThat(read.event().authorName()).isEqualTo("Kari Nordmann");
        }
    }

    @Test
    void sealed_values_swapped_between_fields_do_not_open() {
        ObjectNode payload = payload();
        String body = fields(payload).get("body").asText();
        fields(payload).put("body", fields(payload).get("authorName").asText());
        fields(payload).put("authorName", body);

        assertThat(read(payload, keys(kari)).withheld()).containsOnlyKeys("body", "authorName")
                .containsValue(WithheldReason.UNREADABLE);
    }

    @Test
    void a_sealed_value_moved_to_another_event_topic_position_or_type_does_not_open() {
        int version = sealed.schemaVersion();
        List<EventEnvelope> elsewhere = List.of(
                new EventEnvelope("e-other", "CommentPosted", version, "episode-90", 3, AT, "kari", payload()),
                new EventEnvelope("e-1", "CommentPosted", version, "episode-91", 3, AT, "kari", payload()),
                new EventEnvelope("e-1", "CommentPosted", version, "episode-90", 4, AT, "kari", payload()),
                new EventEnvelope("e-1", "ReplyPosted", EventTypes.byName("ReplyPosted").orElseThrow().schemaVersion(),
                        "episode-90", 3, AT, "kari", payload()));
        for (EventEnvelope moved : elsewhere) {
            DecryptedEvent read = moved.read(keys(kari));

            assertThat(read.withheld()).as(moved.context().toString()).containsKeys("body", "authorName")
                    .containsValue(WithheldReason.UNREADABLE);
        }
    }

    @Test
    void another_key_or_a_key_of_another_author_does_not_open_it() {
        DataKey sameAuthorOtherGeneration = DataKey.generate("kari");
        DataKey otherAuthorUnderTheSameId = DataKey.of(kari.keyId(), "bo", decode(kari.materialBase64()));

        assertThat(sealed.read(id -> new KeyLookup.Found(sameAuthorOtherGeneration)).withheld())
                .containsOnlyKeys("body", "authorName");
        assertThat(sealed.read(id -> new KeyLookup.Found(otherAuthorUnderTheSameId)).withheld())
                .containsOnlyKeys("body", "authorName");
        assertThat(sealed.read(id -> KeyLookup.unknown()).withheld()).containsValues(WithheldReason.UNREADABLE);
    }

    @Test
    void truncated_empty_non_base64_and_non_text_values_are_unreadable() {
        String body = sealed.payload().at("/encrypted/fields/body").asText();
        List<JsonNode> broken = List.of(text(body.substring(0, 10)), text(encode(new byte[27])), text(""),
                text("not base64 at all!"), text(body + "==="), EventJson.mapper().getNodeFactory().numberNode(42),
                EventJson.mapper().createObjectNode().put("nested", body));
        for (JsonNode value : broken) {
            ObjectNode payload = payload();
            fields(payload).set("body", value);

            assertThat(read(payload, keys(kari)).withheld()).as(value.toString()).containsOnlyKeys("body");
        }
    }

    @Test
    void a_sealed_value_longer_than_its_field_allows_is_refused_even_under_the_right_key_and_place() {
        String hugeName = "Kari ".repeat(200_000);
        ObjectNode payload = payload();
        fields(payload).put("authorName", encode(FieldCipher.seal(kari.secretKey(),
                sealed.context().associatedData(kari.keyId(), "authorName"), hugeName.getBytes(StandardCharsets.UTF_8))));
        fields(payload).put("body", "A".repeat(5_000_000));

        DecryptedEvent read = read(payload, keys(kari));

        assertThat(read.withheld()).containsOnlyKeys("authorName", "body");
        assertThat(read.event()).extracting(DiscussionEvent::authorName).isNull();
    }

    @Test
    void an_unknown_algorithm_or_a_malformed_block_is_unreadable_without_asking_for_a_key() {
        AtomicInteger asked = new AtomicInteger();
        DataKeys counting = keyId -> {
            asked.incrementAndGet();
            return new KeyLookup.Found(kari);
        };
        ObjectNode otherAlgorithm = payload();
        ((ObjectNode) otherAlgorithm.get("encrypted")).put("algorithm", "AES-128-CBC");
        ObjectNode badKeyId = payload();
        ((ObjectNode) badKeyId.get("encrypted")).put("keyId", "../../etc/passwd");
        ObjectNode fieldsAList = payload();
        ((ObjectNode) fieldsAList.get("encrypted")).putArray("fields").add("body");
        ObjectNode blockAString = payload();
        blockAString.put("encrypted", "yes");
        for (ObjectNode payload : List.of(otherAlgorithm, badKeyId, fieldsAList, blockAString)) {
            DecryptedEvent read = read(payload, counting);

            assertThat(read.withheld()).as(payload.toString()).containsOnlyKeys("body", "authorName")
                    .containsValue(WithheldReason.UNREADABLE);
        }
        assertThat(asked).hasValue(0);
    }

    @Test
    void a_forged_block_cannot_name_fields_the_type_does_not_seal_nor_overwrite_plaintext_ones() {
        ObjectNode payload = payload();
        String sealedBody = fields(payload).get("body").asText();
        fields(payload).put("commentId", sealedBody).put("note", sealedBody).put("__proto__", sealedBody);

        DecryptedEvent read = read(payload, keys(kari));

        assertThat(read.event()).isEqualTo(comment);
        assertThat(read.withheld()).isEmpty();
    }

    @Test
    void plaintext_beside_a_sealed_value_is_dropped_and_a_required_field_missing_everywhere_is_unreadable() {
        ObjectNode beside = payload();
        beside.put("body", "forged plaintext");
        ObjectNode cut = payload();
        fields(cut).remove("body");

        assertThat(((CommentPosted) read(beside, keys(kari)).event()).body()).isEqualTo(BODY);
        assertThat(read(cut, keys(kari)).withheld()).containsOnlyKeys("body");
    }

    @Test
    void a_context_with_a_line_break_cannot_seal_and_does_not_open() {
        EventContext ambiguous = new EventContext("e-1\nCommentPosted", "episode-90", 3, "CommentPosted");

        assertThatThrownBy(() -> PayloadEncryption.encrypt(ambiguous, comment, kari))
                .isInstanceOf(IllegalArgumentException.class);
        ObjectNode decrypted = PayloadDecryption.decrypt(ambiguous, payload(), keys(kari));
        assertThat(decrypted.at("/withheld/body").asText()).isEqualTo("unreadable");
    }

    @Test
    void a_payload_is_sealed_only_under_its_writers_key_and_only_once() {
        EventContext context = sealed.context();

        assertThatThrownBy(() -> PayloadEncryption.encrypt(context, comment, DataKey.generate("bo")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PayloadEncryption.encrypt(context, payload(), kari))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PayloadEncryption.encrypt(context,
                new TopicLocked("episode-90", "heated", "kari", "Kari"), kari))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_key_source_that_cannot_answer_is_told_to_the_reader_so_that_it_retries() {
        assertThatThrownBy(() -> sealed.read(keyId -> {
            throw new KeysUnavailableException("key endpoint down", null);
        })).isInstanceOf(KeysUnavailableException.class);
    }

    @Test
    void a_sealed_envelope_read_without_keys_has_no_personal_fields_and_does_not_fail() {
        assertThat(sealed.event()).isEqualTo(new CommentPosted("episode-90", "c-1", null, "no", "kari", null));
    }

    private ObjectNode payload() {
        return sealed.payload().deepCopy();
    }

    private DecryptedEvent read(ObjectNode payload, DataKeys keys) {
        return new EventEnvelope(sealed.eventId(), sealed.type(), sealed.schemaVersion(), sealed.topicId(),
                sealed.sequence(), sealed.occurredAt(), sealed.authorId(), payload).read(keys);
    }

    private static ObjectNode fields(ObjectNode payload) {
        return (ObjectNode) payload.get("encrypted").get("fields");
    }

    private static DataKeys keys(DataKey key) {
        return keyId -> keyId.equals(key.keyId()) ? new KeyLookup.Found(key) : KeyLookup.unknown();
    }

    private static JsonNode text(String value) {
        return EventJson.mapper().getNodeFactory().textNode(value);
    }

    private static byte[] decode(String base64url) {
        return Base64.getUrlDecoder().decode(base64url);
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

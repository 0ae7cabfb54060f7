package commonplace.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import commonplace.events.privacy.DataKey;
import commonplace.events.privacy.DataKeys;
import commonplace.events.privacy.KeyLookup;
import commonplace.events.privacy.KeysUnavailableException;
import commonplace.events.privacy.WithheldReason;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one-pass opening of a sealed record gives what the two steps give (EventEnvelope.fromJson, then read(keys)):
 * the same event, the same placeholders and reasons, the same failures, for well-formed, damaged and forged records.
 */
class OpenedEnvelopeTest {

    private static final Instant AT = Instant.parse("2026-11-25T04:05:06.123Z");

    private final Map<String, DataKey> keysByAuthor = new HashMap<>();

    @Test
    void every_sample_event_sealed_opens_in_one_pass_as_the_two_steps_open_it() {
        long sequence = 1;
        int sealedOnes = 0;
        for (DiscussionEvent event : samples()) {
            byte[] json = sealed(event, sequence++);
            OpenedEnvelope opened = OpenedEnvelope.fromJson(json, keys());

            assertThat(opened).isEqualTo(twoSteps(json, keys()));
            assertThat(opened.envelope().event()).isEqualTo(event);
            assertThat(opened.withheld()).isEmpty();
            if (text(json).contains("\"encrypted\"")) {
                sealedOnes++;
                assertThat(DecodedEnvelope.inOnePass(json, keys())).as(event.getClass().getSimpleName()).isNotNull();
            }
        }
        assertThat(sealedOnes).isGreaterThan(10);
    }

    @Test
    void erased_unknown_and_foreign_keys_give_the_same_placeholders_in_one_pass() {
        DiscussionEvent link = new LinkShared("t-1", "s-1", "c-1", LinkOrigin.SHARE, "https://døgnet.no/x?y=1", "https://døgnet.no/x?y=1",
                "døgnet.no", "Les «denne»", "kari", "Kari Nordmann");
        byte[] json = sealed(link, 7);
        DataKeys erased = keyId -> KeyLookup.erased();
        DataKeys unknown = keyId -> KeyLookup.unknown();
        DataKeys foreign = keyId -> new KeyLookup.Found(DataKey.generate("kari"));
        DataKeys otherAuthor = keyId -> new KeyLookup.Found(keyOf("bo"));
        Map<DataKeys, WithheldReason> expected = Map.of(erased, WithheldReason.ERASED,
                unknown, WithheldReason.UNREADABLE, foreign, WithheldReason.UNREADABLE,
                otherAuthor, WithheldReason.UNREADABLE);
        expected.forEach((keys, reason) -> {
            OpenedEnvelope opened = OpenedEnvelope.fromJson(json, keys);

            assertThat(opened).isEqualTo(twoSteps(json, keys));
            assertThat(DecodedEnvelope.inOnePass(json, keys)).isEqualTo(opened);
            assertThat(opened.withheld()).containsOnlyKeys("url", "normalizedUrl", "domain", "note", "authorName")
                    .containsValue(reason);
            assertThat(((LinkShared) opened.envelope().event()).url()).isNull();
        });
    }

    @Test
    void a_damaged_or_forged_block_gives_the_same_placeholders_in_one_pass() {
        byte[] json = sealed(new CommentPosted("t-1", "c-1", "Hei på deg, «venn»!\n\nAndre avsnitt.", "kari", "Kari"), 3);
        List<UnaryOperator<ObjectNode>> damages = List.of(
                block -> { block.with("fields").put("body", flip(block.path("fields").path("body").asText())); return block; },
                block -> { block.with("fields").remove("body"); return block; },
                block -> { block.with("fields").put("body", 42); return block; },
                block -> { block.with("fields").put("body", "A".repeat(200_000)); return block; },
                block -> { block.put("algorithm", "ROT13"); return block; },
                block -> { block.put("keyId", "dk_not-a-key"); return block; },
                block -> { block.set("fields", block.arrayNode()); return block; },
                block -> { block.removeAll(); return block; });
        for (UnaryOperator<ObjectNode> damage : damages) {
            byte[] damaged = withPayload(json, payload -> {
                damage.apply(payload.with("encrypted"));
                return payload;
            });
            OpenedEnvelope opened = OpenedEnvelope.fromJson(damaged, keys());

            assertThat(opened).as(text(damaged)).isEqualTo(twoSteps(damaged, keys()));
            assertThat(opened.withheld()).as(text(damaged)).isNotEmpty();
            assertThat(DecodedEnvelope.inOnePass(damaged, keys())).isEqualTo(opened);
        }
    }

    @Test
    void forged_shapes_the_one_pass_leaves_to_the_two_steps_read_the_same() {
        byte[] json = sealed(new ReplyPosted("t-1", "r-1", "c-1", "Svar med æøå", "kari", "Kari"), 4);
        List<UnaryOperator<ObjectNode>> forgeries = List.of(
                payload -> payload.put("body", "plaintext beside the sealed body"),
                payload -> payload.put("authorName", "Someone Else"),
                payload -> { payload.putObject("withheld").put("body", "erased"); return payload; },
                payload -> payload.put("authorId", 17),
                payload -> { payload.remove("encrypted"); return payload; });
        for (UnaryOperator<ObjectNode> forge : forgeries) {
            byte[] forged = withPayload(json, forge);
            OpenedEnvelope opened = OpenedEnvelope.fromJson(forged, keys());

            assertThat(opened).as(text(forged)).isEqualTo(twoSteps(forged, keys()));
            assertThat(opened.envelope().event()).extracting("body").isNotEqualTo("plaintext beside the sealed body");
        }
        byte[] namesAnIdField = withPayload(json, payload -> {
            payload.with("encrypted").with("fields").put("topicId", payload.path("encrypted").path("fields")
                    .path("body").asText());
            return payload;
        });
        OpenedEnvelope ignored = OpenedEnvelope.fromJson(namesAnIdField, keys());
        assertThat(ignored).isEqualTo(twoSteps(namesAnIdField, keys()));
        assertThat(ignored.envelope().event()).isEqualTo(
                new ReplyPosted("t-1", "r-1", "c-1", "Svar med æøå", "kari", "Kari"));
        String duplicated = text(json).replace("\"authorId\":\"kari\",", "\"authorId\":\"bo\",\"authorId\":\"kari\",");
        byte[] twice = duplicated.getBytes(StandardCharsets.UTF_8);
        assertThat(OpenedEnvelope.fromJson(twice, keys())).isEqualTo(twoSteps(twice, keys()));
        String blocks = text(json).replaceFirst("\"encrypted\":", "\"encrypted\":{},\"encrypted\":");
        byte[] twoBlocks = blocks.getBytes(StandardCharsets.UTF_8);
        assertThat(OpenedEnvelope.fromJson(twoBlocks, keys())).isEqualTo(twoSteps(twoBlocks, keys()));
    }

    @Test
    void a_key_source_that_cannot_answer_is_told_to_the_reader_from_the_one_pass_too() {
        byte[] json = sealed(new CommentEdited("t-1", "c-1", 2, "Rettet", "kari", "Kari"), 5);

        assertThatThrownBy(() -> DecodedEnvelope.inOnePass(json, keyId -> {
            throw new KeysUnavailableException("key endpoint down", null);
        })).isInstanceOf(KeysUnavailableException.class);
    }

    @Property(tries = 400)
    void any_changed_byte_or_cut_gives_what_the_two_steps_give(@ForAll @IntRange(min = 0, max = 10_000) int at,
                                                               @ForAll @IntRange(min = 0, max = 255) int value,
                                                               @ForAll boolean cut) {
        byte[] json = sealed(new CommentPosted("t-1", "c-9", "Lenke: https://example.no/æ 🎉", "kari", "Kari"), 9);
        int position = at % json.length;
        byte[] changed = cut ? java.util.Arrays.copyOf(json, position) : json.clone();
        if (!cut) {
            changed[position] = (byte) value;
        }
        Object expected = outcome(() -> twoSteps(changed, keys()));

        assertThat(outcome(() -> OpenedEnvelope.fromJson(changed, keys()))).isEqualTo(expected);
    }

    private Object outcome(java.util.function.Supplier<OpenedEnvelope> read) {
        try {
            return read.get();
        } catch (UnreadableEventException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    private static OpenedEnvelope twoSteps(byte[] json, DataKeys keys) {
        EventEnvelope envelope = EventEnvelope.fromJson(json);
        var read = envelope.read(keys);
        return new OpenedEnvelope(DecodedEnvelope.of(envelope, read.event()), read.withheld());
    }

    private List<DiscussionEvent> samples() {
        List<DiscussionEvent> samples = new ArrayList<>(SampleEvents.full());
        samples.addAll(SampleEvents.minimal());
        samples.addAll(SampleEvents.imported());
        return samples;
    }

    private byte[] sealed(DiscussionEvent event, long sequence) {
        return EventEnvelope.wrapSealed("e-" + sequence, sequence, AT, event, keyOf(event.authorId())).toJsonBytes();
    }

    private DataKey keyOf(String authorId) {
        return keysByAuthor.computeIfAbsent(authorId, DataKey::generate);
    }

    private DataKeys keys() {
        return keyId -> keysByAuthor.values().stream().filter(key -> key.keyId().equals(keyId)).findFirst()
                .<KeyLookup>map(KeyLookup.Found::new).orElse(KeyLookup.unknown());
    }

    private static byte[] withPayload(byte[] json, UnaryOperator<ObjectNode> change) {
        try {
            ObjectNode envelope = (ObjectNode) EventJson.mapper().readTree(json);
            envelope.set("payload", change.apply((ObjectNode) envelope.path("payload")));
            return EventJson.mapper().writeValueAsBytes(envelope);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String flip(String base64) {
        char last = base64.charAt(base64.length() / 2);
        return base64.substring(0, base64.length() / 2) + (last == 'A' ? 'B' : 'A')
                + base64.substring(base64.length() / 2 + 1);
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }
}

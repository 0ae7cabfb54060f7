package commonplace.query.ingest;

import commonplace.events.AuthorErased;
import commonplace.events.DecodedEnvelope;
import commonplace.events.privacy.DataKey;
import commonplace.query.privacy.QueryKeys;
import commonplace.query.privacy.SealedEnvelopes;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Readies the data keys of a poll batch before it is applied: the keys an {@code AuthorErased} of the batch names are
 * forgotten first (they were destroyed before that event was recorded, so every earlier event sealed under them is a
 * placeholder, in this batch too), then every other key the batch is sealed under is fetched in one call.
 */
final class BatchKeys {

    private static final String AUTHOR_ERASED = "\"AuthorErased\"";
    private static final String KEY_ID = "\"keyId\":\"";

    private BatchKeys() {
    }

    /**
     * @throws commonplace.events.privacy.KeysUnavailableException when the key endpoint cannot answer
     */
    static void prepare(QueryKeys keys, List<ConsumerRecord<byte[], byte[]>> records) {
        Set<String> keyIds = new LinkedHashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            byte[] value = record.value();
            if (value == null) {
                continue;
            }
            String text = SealedEnvelopes.asText(value);
            if (text.contains(AUTHOR_ERASED)) {
                forgetErased(keys, value);
            }
            if (SealedEnvelopes.maySeal(text)) {
                keyIdsIn(text, keyIds);
            }
        }
        keys.prefetch(keyIds);
    }

    private static void forgetErased(QueryKeys keys, byte[] value) {
        try {
            if (DecodedEnvelope.fromJson(value).event() instanceof AuthorErased erased
                    && erased.erasedKeyIds() != null) {
                keys.forget(erased.erasedKeyIds());
            }
        } catch (RuntimeException e) {
            // not an envelope: the reader dead-letters it
        }
    }

    /** Every well-formed key id the value names after {@code "keyId":"}; a reader asks for any it misses here. */
    private static void keyIdsIn(String text, Set<String> keyIds) {
        for (int at = text.indexOf(KEY_ID); at >= 0; at = text.indexOf(KEY_ID, at + 1)) {
            int start = at + KEY_ID.length();
            int end = text.indexOf('"', start);
            String keyId = end < 0 || end - start > 64 ? null : text.substring(start, end);
            if (DataKey.isKeyId(keyId)) {
                keyIds.add(keyId);
            }
        }
    }
}

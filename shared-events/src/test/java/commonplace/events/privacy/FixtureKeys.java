package commonplace.events.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.events.EventJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The data keys the stored sealed fixtures were sealed under ({@code fixtures/keys.json}, in the shape of the key
 * endpoint's batch answer): published test keys, never used anywhere else.
 */
public final class FixtureKeys implements DataKeys {

    private final Map<String, DataKey> keys;
    private final Set<String> erased;

    private FixtureKeys(Map<String, DataKey> keys, Set<String> erased) {
        this.keys = keys;
        this.erased = erased;
    }

    public static FixtureKeys load() {
        try (InputStream in = FixtureKeys.class.getResourceAsStream("/fixtures/keys.json")) {
            return parse(EventJson.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FixtureKeys parse(JsonNode answer) {
        Map<String, DataKey> keys = new HashMap<>();
        for (JsonNode key : answer.path("keys")) {
            keys.put(key.path("keyId").asText(), DataKey.fromBase64(key.path("keyId").asText(),
                    key.path("authorId").asText(), key.path("key").asText()));
        }
        Set<String> erased = new HashSet<>();
        answer.path("erased").forEach(entry -> erased.add(entry.path("keyId").asText()));
        return new FixtureKeys(keys, erased);
    }

    public DataKey keyOf(String authorId) {
        return keys.values().stream().filter(key -> key.authorId().equals(authorId)).findFirst().orElseThrow();
    }

    /** The same keys with {@code authorId}'s destroyed. */
    public FixtureKeys erasing(String authorId) {
        Map<String, DataKey> left = new HashMap<>(keys);
        Set<String> gone = new HashSet<>(erased);
        keys.values().stream().filter(key -> key.authorId().equals(authorId)).forEach(key -> {
            left.remove(key.keyId());
            gone.add(key.keyId());
        });
        return new FixtureKeys(left, gone);
    }

    @Override
    public KeyLookup find(String keyId) {
        DataKey key = keys.get(keyId);
        if (key != null) {
            return new KeyLookup.Found(key);
        }
        return erased.contains(keyId) ? KeyLookup.erased() : KeyLookup.unknown();
    }
}

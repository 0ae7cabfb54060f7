package commonplace.events.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import commonplace.events.EventEnvelope;
import commonplace.events.EventJson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Data keys for a Java consumer, from the command service's key endpoint: a whole poll batch's keys in one call
 * ({@link #prefetch(Collection)}), kept in memory for a bounded time, and forgotten at once on an erasure
 * ({@link #forget(Collection)}). Erased keys are remembered as erased; unknown ids are asked for again next time. When
 * the endpoint cannot be reached or refuses the token, {@link KeysUnavailableException}: the consumer retries the
 * batch later instead of writing placeholders.
 */
public final class KeyServiceClient implements DataKeys {

    private static final int BATCH = 500;

    private final HttpClient http;
    private final URI lookup;
    private final Supplier<String> serviceToken;
    private final Duration timeout;
    private final Cache<String, KeyLookup> keys;

    /**
     * @param commandService the command service's base URL, such as {@code http://127.0.0.1:8081}
     * @param serviceToken   a JWT with the {@code key-reader} role, asked for on every call (so it may be renewed)
     * @param lifetime       how long a key is kept after it was fetched
     */
    public KeyServiceClient(URI commandService, Supplier<String> serviceToken, Duration timeout, int maximumKeys,
                            Duration lifetime) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.lookup = commandService.resolve("/api/v1/keys/lookup");
        this.serviceToken = serviceToken;
        this.timeout = timeout;
        this.keys = Caffeine.newBuilder().maximumSize(maximumKeys).expireAfterWrite(lifetime).build();
    }

    /** The key ids a batch of envelopes is sealed under. */
    public static Set<String> keyIdsOf(Collection<EventEnvelope> envelopes) {
        Set<String> ids = new LinkedHashSet<>();
        for (EventEnvelope envelope : envelopes) {
            String keyId = envelope.payload().path(PayloadEncryption.ENCRYPTED).path(PayloadEncryption.KEY_ID)
                    .asText(null);
            if (DataKey.isKeyId(keyId)) {
                ids.add(keyId);
            }
        }
        return ids;
    }

    /** Fetches, in as few calls as the endpoint allows, every key of {@code keyIds} not held already. */
    public void prefetch(Collection<String> keyIds) {
        List<String> missing = new ArrayList<>();
        for (String keyId : new LinkedHashSet<>(keyIds)) {
            if (DataKey.isKeyId(keyId) && keys.getIfPresent(keyId) == null) {
                missing.add(keyId);
            }
        }
        for (int from = 0; from < missing.size(); from += BATCH) {
            fetch(missing.subList(from, Math.min(missing.size(), from + BATCH)));
        }
    }

    @Override
    public KeyLookup find(String keyId) {
        KeyLookup held = keys.getIfPresent(keyId);
        if (held != null) {
            return held;
        }
        if (!DataKey.isKeyId(keyId)) {
            return KeyLookup.unknown();
        }
        return fetch(List.of(keyId)).getOrDefault(keyId, KeyLookup.unknown());
    }

    /** On an {@code AuthorErased}: these keys are gone, whatever is held. */
    public void forget(Collection<String> keyIds) {
        keyIds.forEach(keyId -> keys.put(keyId, KeyLookup.erased()));
    }

    private Map<String, KeyLookup> fetch(List<String> keyIds) {
        ObjectNode body = EventJson.mapper().createObjectNode();
        keyIds.forEach(body.putArray("keyIds")::add);
        HttpRequest request = HttpRequest.newBuilder(lookup).timeout(timeout)
                .header("Authorization", "Bearer " + serviceToken.get())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new KeysUnavailableException("the key endpoint cannot be reached: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeysUnavailableException("interrupted while asking the key endpoint", e);
        }
        if (response.statusCode() != 200) {
            throw new KeysUnavailableException("the key endpoint answered " + response.statusCode()
                    + (response.statusCode() == 401 || response.statusCode() == 403
                    ? ": the service token is missing, expired or lacks the key-reader role" : ""), null);
        }
        return remember(response.body());
    }

    private Map<String, KeyLookup> remember(String answer) {
        try {
            JsonNode json = EventJson.mapper().readTree(answer);
            Map<String, KeyLookup> found = new java.util.HashMap<>();
            for (JsonNode key : json.path("keys")) {
                DataKey dataKey = DataKey.fromBase64(key.path("keyId").asText(), key.path("authorId").asText(),
                        key.path("key").asText());
                found.put(dataKey.keyId(), new KeyLookup.Found(dataKey));
            }
            for (JsonNode erased : json.path("erased")) {
                found.put(erased.path("keyId").asText(), KeyLookup.erased());
            }
            keys.putAll(found);
            return found;
        } catch (IOException | IllegalArgumentException e) {
            throw new KeysUnavailableException("the key endpoint's answer is not a key list", e);
        }
    }
}

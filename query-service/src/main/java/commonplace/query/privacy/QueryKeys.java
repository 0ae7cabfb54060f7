package commonplace.query.privacy;

import commonplace.events.privacy.DataKeys;
import commonplace.events.privacy.KeyLookup;
import commonplace.events.privacy.KeyServiceClient;
import commonplace.events.privacy.KeysUnavailableException;
import commonplace.web.security.JwtSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * The data keys of this service: the key endpoint behind a bounded, expiring in-memory cache
 * ({@link KeyServiceClient}). Without a configured key service every sealed event is {@link KeysUnavailableException}:
 * the consumer waits and retries instead of recording placeholders for keys that exist.
 */
@Component
public class QueryKeys implements DataKeys {

    private final KeyServiceClient client;

    @Autowired
    QueryKeys(KeySettings settings, ObjectProvider<JwtSettings> jwt) {
        this(settings.url() == null ? null : new KeyServiceClient(settings.url(),
                new ServiceTokens(settings.serviceToken(), jwt.getIfAvailable(), Clock.systemUTC()),
                settings.timeout(), settings.cacheSize(), settings.cacheLifetime()));
    }

    private QueryKeys(KeyServiceClient client) {
        this.client = client;
    }

    /** No key service: plaintext events are read, sealed ones wait (tests of one class, tools). */
    public static QueryKeys none() {
        return new QueryKeys((KeyServiceClient) null);
    }

    /** Keys from the key endpoint at {@code commandService}, asked with {@code serviceToken}. */
    public static QueryKeys from(URI commandService, Supplier<String> serviceToken) {
        return new QueryKeys(new KeyServiceClient(commandService, serviceToken, Duration.ofSeconds(5), 10_000,
                Duration.ofMinutes(10)));
    }

    /** Fetches in one call (per 500) the keys of a batch this service does not hold yet. */
    public void prefetch(Collection<String> keyIds) {
        if (!keyIds.isEmpty()) {
            client().prefetch(keyIds);
        }
    }

    @Override
    public KeyLookup find(String keyId) {
        return client().find(keyId);
    }

    /** On an {@code AuthorErased}: these keys are gone; nothing sealed under them opens here any more. */
    public void forget(Collection<String> keyIds) {
        if (client != null && !keyIds.isEmpty()) {
            client.forget(keyIds);
        }
    }

    private KeyServiceClient client() {
        if (client == null) {
            throw new KeysUnavailableException("a sealed event arrived, but no key service is configured "
                    + "(COMMONPLACE_KEY_SERVICE_URL)", null);
        }
        return client;
    }
}

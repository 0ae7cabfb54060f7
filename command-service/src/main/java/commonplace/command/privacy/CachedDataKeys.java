package commonplace.command.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import commonplace.events.privacy.DataKey;
import commonplace.events.privacy.DataKeys;
import commonplace.events.privacy.KeyLookup;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The data keys the command service itself uses, unwrapped once per author and cache lifetime rather than per event:
 * the key in use per author (to seal what they write) and keys by id (to open stored events when a topic is loaded).
 * Erased keys are remembered as erased; unknown ids are not remembered (another instance may be making that key).
 * An erasure through {@link #erase(String)} empties both caches for the author at once; other instances' entries
 * expire within the cache lifetime.
 */
public final class CachedDataKeys implements DataKeys {

    private final DataKeyStore store;
    private final Cache<String, DataKey> inUseByAuthor;
    private final Cache<String, KeyLookup> byKeyId;

    CachedDataKeys(DataKeyStore store, int size, Duration lifetime) {
        this.store = store;
        this.inUseByAuthor = Caffeine.newBuilder().maximumSize(size).expireAfterWrite(lifetime).build();
        this.byKeyId = Caffeine.newBuilder().maximumSize(size).expireAfterWrite(lifetime).build();
    }

    /** The key to seal what {@code authorId} writes now: made on their first write. */
    public DataKey keyInUse(String authorId) {
        return inUseByAuthor.get(authorId, store::keyInUse);
    }

    /** As {@link #keyInUse} for many authors at once: those not cached are found or made together. */
    public Map<String, DataKey> keysInUse(Collection<String> authorIds) {
        return inUseByAuthor.getAll(authorIds, missing -> store.keysInUse(List.copyOf(missing)));
    }

    @Override
    public KeyLookup find(String keyId) {
        KeyLookup cached = byKeyId.getIfPresent(keyId);
        if (cached != null) {
            return cached;
        }
        KeyLookup found = store.find(keyId);
        if (!(found instanceof KeyLookup.Unknown)) {
            byKeyId.put(keyId, found);
        }
        return found;
    }

    /**
     * Forgets the author's key in use here when it turned out to be erased (by another instance, whose erasure this
     * cache has not heard of): the next {@link #keyInUse} asks the store, which makes the next generation.
     */
    void forgetKeyInUse(String authorId, String keyId) {
        inUseByAuthor.invalidate(authorId);
        byKeyId.put(keyId, KeyLookup.erased());
    }

    /** Destroys the author's key in use and forgets every cached copy here; returns the key ids destroyed now. */
    public List<String> erase(String authorId) {
        List<String> erased = store.erase(authorId);
        forgetErased(authorId, erased);
        return erased;
    }

    /** Forgets every cached copy of the author's keys here, once {@code erasedKeyIds} were destroyed and committed. */
    void forgetErased(String authorId, List<String> erased) {
        inUseByAuthor.invalidate(authorId);
        erased.forEach(keyId -> byKeyId.put(keyId, KeyLookup.erased()));
        byKeyId.asMap().entrySet().removeIf(entry -> entry.getValue() instanceof KeyLookup.Found found
                && found.key().authorId().equals(authorId));
    }
}

package commonplace.events.privacy;

/**
 * Where a reader gets data keys from: the command service's key endpoint behind a cache, the key store itself on
 * the write side, or a fixed set in tests. Decryption asks once per sealed payload.
 */
@FunctionalInterface
public interface DataKeys {

    /**
     * What is known about {@code keyId}.
     *
     * @throws KeysUnavailableException when the source cannot be asked now (it is down): the reader must try the
     *                                  event again later rather than record a placeholder for a key that may exist
     */
    KeyLookup find(String keyId);
}

package commonplace.events.privacy;

/** A stored data key that the key-encryption key cannot open: wrong key-encryption key, or a changed row. */
public class KeyUnwrapException extends RuntimeException {

    public KeyUnwrapException(String keyId) {
        super("data key " + keyId + " does not unwrap with this key-encryption key", null, false, false);
    }
}

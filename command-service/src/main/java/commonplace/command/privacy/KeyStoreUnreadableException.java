package commonplace.command.privacy;

/**
 * A stored data key the configured key-encryption keys cannot open (a missing previous key after a rotation, or a
 * changed row): answered 503 so that readers try again once it is mended, never as an erased or unknown key.
 */
class KeyStoreUnreadableException extends RuntimeException {

    KeyStoreUnreadableException(String keyId) {
        super("data key " + keyId + " cannot be unwrapped with the configured key-encryption keys", null, false, false);
    }
}

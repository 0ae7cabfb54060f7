package commonplace.events.privacy;

/**
 * A key source could not answer (unreachable, timed out): the one failure decryption lets through, on purpose, so that
 * a reader retries as it would after a database outage instead of recording a placeholder for a key that exists.
 */
public class KeysUnavailableException extends RuntimeException {

    public KeysUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

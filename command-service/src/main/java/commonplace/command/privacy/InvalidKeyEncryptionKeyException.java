package commonplace.command.privacy;

/** Start-up refusal: the key-encryption key is malformed. The message never repeats the configured value. */
public class InvalidKeyEncryptionKeyException extends IllegalStateException {

    InvalidKeyEncryptionKeyException(String variable, String problem) {
        super(variable + ": " + problem);
    }
}

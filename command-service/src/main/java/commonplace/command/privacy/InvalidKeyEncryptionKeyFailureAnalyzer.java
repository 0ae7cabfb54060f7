package commonplace.command.privacy;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a malformed key-encryption key into Spring Boot's short start-up failure report instead of a stack trace. */
class InvalidKeyEncryptionKeyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidKeyEncryptionKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidKeyEncryptionKeyException cause) {
        return new FailureAnalysis(cause.getMessage(), "Set COMMONPLACE_KEY_ENCRYPTION_KEY to base64 of 32 random bytes"
                + " (openssl rand -base64 32), kept outside the database; the local launcher supplies a development one.",
                cause);
    }
}

package commonplace.command.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing or short JWT secret into Spring Boot's short start-up failure report instead of a stack trace. */
class InvalidJwtSecretFailureAnalyzer extends AbstractFailureAnalyzer<InvalidJwtSecretException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidJwtSecretException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set COMMONPLACE_JWT_SECRET to a random string of at least " + JwtSettings.MINIMUM_SECRET_BYTES
                        + " bytes (the local launcher supplies a development one).", cause);
    }
}

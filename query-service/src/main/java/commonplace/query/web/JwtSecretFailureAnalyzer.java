package commonplace.query.web;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing token secret into Boot's short start-up failure report instead of a stack trace. */
class JwtSecretFailureAnalyzer extends AbstractFailureAnalyzer<JwtSettings.MissingJwtSecretException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, JwtSettings.MissingJwtSecretException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set COMMONPLACE_JWT_SECRET (HS256, at least 32 bytes; the local launcher documents a development "
                        + "secret) or COMMONPLACE_JWT_JWK_SET_URI.", cause);
    }
}

package commonplace.web.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns unusable token settings into Spring Boot's short start-up failure report instead of a stack trace. */
public class JwtSettingsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidJwtSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidJwtSettingsException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}

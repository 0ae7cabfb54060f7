package commonplace.query.privacy;

import commonplace.events.privacy.KeysUnavailableException;
import commonplace.web.problem.ExceptionProblems;
import commonplace.web.problem.ProblemException;
import commonplace.web.problem.ProblemType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/** A read that needs data keys the key endpoint cannot give now is a 503 with Retry-After, never text in their place. */
@Configuration(proxyBeanMethods = false)
class PrivacyProblems {

    static final int RETRY_AFTER_SECONDS = 5;

    @Bean
    ExceptionProblems privacyExceptionProblems() {
        return ExceptionProblems.builder()
                .map(KeysUnavailableException.class, failure -> new ProblemException(ProblemType.KEYS_UNAVAILABLE,
                        ProblemType.KEYS_UNAVAILABLE.defaultDetail())
                        .withHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS)))
                .build();
    }
}

package commonplace.command.privacy;

import commonplace.web.problem.ExceptionProblems;
import commonplace.web.problem.ProblemException;
import commonplace.web.problem.ProblemType;
import commonplace.web.problem.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The key store, its cache and the key endpoint, present once a key-encryption key is configured
 * ({@code COMMONPLACE_KEY_ENCRYPTION_KEY}); a malformed one stops the service at start-up with a short report.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(PrivacyConfiguration.KeyEncryptionKeyConfigured.class)
class PrivacyConfiguration {

    static final String KEY_ENCRYPTION_KEY = "commonplace.privacy.key-encryption-key";

    /** True when the key-encryption key property has a value. */
    static final class KeyEncryptionKeyConfigured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String value = context.getEnvironment().getProperty(KEY_ENCRYPTION_KEY);
            return value != null && !value.isBlank();
        }
    }

    @Bean
    KeyEncryptionKeys keyEncryptionKeys(PrivacySettings settings) {
        return KeyEncryptionKeys.from(settings);
    }

    @Bean
    DataKeyStore dataKeyStore(JdbcTemplate jdbc, KeyEncryptionKeys keys, PlatformTransactionManager transactions) {
        return new DataKeyStore(jdbc, keys, transactions);
    }

    @Bean
    CachedDataKeys cachedDataKeys(DataKeyStore store, PrivacySettings settings) {
        return new CachedDataKeys(store, settings.keyCacheSize(), settings.keyCacheTtl());
    }

    @Bean
    KeyAccessAudit keyAccessAudit(JdbcTemplate jdbc) {
        return new KeyAccessAudit(jdbc);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 50)
    SecurityFilterChain keyEndpointSecurity(HttpSecurity http, JwtDecoder decoder, ProblemWriter problems,
                                            KeyAccessAudit audit) throws Exception {
        return KeyEndpointSecurity.chain(http, decoder, problems, audit);
    }

    /** The key endpoint's refusals, as problems of the shared catalogue. */
    @Bean
    ExceptionProblems keyEndpointProblems() {
        return ExceptionProblems.builder()
                .map(InvalidKeyRequestException.class, e -> ProblemException.invalid(e.field(), e.getMessage()))
                .map(KeyStoreUnreadableException.class, e -> new ProblemException(ProblemType.KEY_STORE_UNREADABLE,
                        ProblemType.KEY_STORE_UNREADABLE.defaultDetail()).withHeader(HttpHeaders.RETRY_AFTER, "30"))
                .build();
    }
}

package commonplace.command.privacy;

import commonplace.web.privacy.ErasureVacuum;
import commonplace.web.problem.ExceptionProblems;
import commonplace.web.problem.ProblemException;
import commonplace.web.problem.ProblemType;
import commonplace.web.problem.ProblemWriter;
import commonplace.command.topic.model.TextDigests;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

/**
 * The key store, its cache, the sealing of stored events, the aggregate's keyed digests and the key endpoint. The
 * key-encryption key ({@code COMMONPLACE_KEY_ENCRYPTION_KEY}) is required: a missing or malformed one stops the service
 * at start-up with a short report that never repeats the value.
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    @Bean
    static KeyEncryptionKeyCheck keyEncryptionKeyCheck() {
        return new KeyEncryptionKeyCheck();
    }

    @Bean
    KeyEncryptionKeys keyEncryptionKeys(PrivacySettings settings,
                                        @Value("${server.address:}") String serverAddress) {
        return KeyEncryptionKeys.from(settings, serverAddress);
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
    EventSealing eventSealing(CachedDataKeys keys, JdbcTemplate jdbc,
                              @Qualifier("eventSerializer") Serializer eventSerializer) {
        return new EventSealing(keys, jdbc, eventSerializer);
    }

    @Bean
    TextDigests textDigests(CachedDataKeys keys) {
        return new AuthorTextDigests(keys);
    }

    @Bean
    ErasureRecorder erasureRecorder(JdbcTemplate jdbc, CommandGateway commands,
                                    PlatformTransactionManager transactions, PrivacySettings settings) {
        return new ErasureRecorder(jdbc, commands, transactions, settings.erasureInterval());
    }

    @Bean
    Erasures erasures(JdbcTemplate jdbc, DataKeyStore store, CachedDataKeys keys, @Qualifier("topicCache") Cache topicCache,
                      PlatformTransactionManager transactions, ErasureRecorder recorder,
                      ObjectProvider<ErasureScrub> scrubs, ErasureVacuum vacuum) {
        return new Erasures(jdbc, store, keys, topicCache, transactions, recorder, scrubs.orderedStream().toList(),
                vacuum);
    }

    @Bean
    ErasureVacuum erasureVacuum(DataSource dataSource, ObjectProvider<ErasureScrub> scrubs) {
        return new ErasureVacuum(dataSource, Erasures.tablesOf(scrubs.orderedStream().toList()));
    }

    @Bean
    PlaintextReencryption plaintextReencryption(JdbcTemplate jdbc, EventSealing sealing,
                                                PlatformTransactionManager transactions) {
        return new PlaintextReencryption(jdbc, sealing, transactions);
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

    /** The key endpoint's and the erasure's refusals, as problems of the shared catalogue. */
    @Bean
    ExceptionProblems keyEndpointProblems() {
        return ExceptionProblems.builder()
                .map(InvalidKeyRequestException.class, e -> ProblemException.invalid(e.field(), e.getMessage()))
                .map(Erasures.UnknownAuthorException.class, e -> new ProblemException(ProblemType.NOT_FOUND,
                        e.getMessage()))
                .map(Erasures.PlaintextEventsException.class, e -> new ProblemException(ProblemType.PLAINTEXT_EVENTS,
                        e.getMessage()))
                .map(KeyStoreUnreadableException.class, e -> new ProblemException(ProblemType.KEY_STORE_UNREADABLE,
                        ProblemType.KEY_STORE_UNREADABLE.defaultDetail()).withHeader(HttpHeaders.RETRY_AFTER, "30"))
                .build();
    }
}

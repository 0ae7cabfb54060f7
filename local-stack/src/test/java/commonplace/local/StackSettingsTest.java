package commonplace.local;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StackSettingsTest {

    @Test
    void by_default_everything_is_embedded_on_the_documented_ports() {
        StackSettings settings = StackSettings.from(Map.of());

        assertThat(settings.embeddedPostgres()).isTrue();
        assertThat(settings.embeddedKafka()).isTrue();
        assertThat(settings.databaseUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/commonplace");
        assertThat(settings.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(settings.requiredPorts()).containsOnlyKeys(5432, 9092, 8081, 8082);
        assertThat(settings.jwtSecret().development()).isTrue();
        assertThat(settings.dataDirectory().getFileName()).hasToString("local-data");
    }

    @Test
    void an_external_database_and_broker_replace_the_embedded_ones() {
        StackSettings settings = StackSettings.from(Map.of(
                "COMMONPLACE_DB_URL", "jdbc:postgresql://db.example:5432/cp",
                "COMMONPLACE_KAFKA_BOOTSTRAP", "broker.example:9092"));

        assertThat(settings.embeddedPostgres()).isFalse();
        assertThat(settings.embeddedKafka()).isFalse();
        assertThat(settings.databaseUrl()).isEqualTo("jdbc:postgresql://db.example:5432/cp");
        assertThat(settings.kafkaBootstrap()).isEqualTo("broker.example:9092");
        assertThat(settings.requiredPorts()).containsOnlyKeys(8081, 8082);
    }

    @Test
    void a_short_secret_and_a_bad_port_are_reported_before_anything_starts() {
        StackSettings settings = StackSettings.from(Map.of(
                "COMMONPLACE_JWT_SECRET", "too-short", "COMMONPLACE_LOCAL_PG_PORT", "five"));

        assertThat(settings.problems()).hasSize(2);
        assertThat(settings.problems().get(0)).contains("at least 32 bytes").doesNotContain("too-short");
        assertThat(settings.problems().get(1)).contains("COMMONPLACE_LOCAL_PG_PORT");
    }

    @Test
    void a_missing_service_jar_is_reported() {
        StackSettings settings = StackSettings.from(Map.of("COMMONPLACE_COMMAND_JAR", "/nowhere/command.jar"));

        assertThat(settings.problems()).anySatisfy(problem -> assertThat(problem).contains("/nowhere/command.jar"));
    }

    @Test
    void a_port_someone_listens_on_is_refused_in_one_line() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String busy = PortCheck.busyPorts(Map.of(taken.getLocalPort(), "the query service"));

            assertThat(busy).contains(String.valueOf(taken.getLocalPort())).contains("the query service")
                    .doesNotContain("\n");
        }
    }

    @Test
    void the_services_listen_on_loopback_and_take_the_development_secret_only_from_up() {
        Map<String, String> development = StackSettings.from(Map.of()).serviceEnvironment();
        assertThat(development).containsEntry("SERVER_ADDRESS", "127.0.0.1")
                .containsEntry("COMMONPLACE_JWT_SECRET", JwtSecret.DEVELOPMENT_SECRET)
                .containsEntry("COMMONPLACE_JWT_ALLOW_DEVELOPMENT_SECRET", "true");

        Map<String, String> configured = StackSettings.from(Map.of("COMMONPLACE_JWT_SECRET",
                "a-configured-secret-of-at-least-thirty-two-bytes")).serviceEnvironment();
        assertThat(configured).containsEntry("SERVER_ADDRESS", "127.0.0.1")
                .containsEntry("COMMONPLACE_JWT_ALLOW_DEVELOPMENT_SECRET", "false");
    }

    @Test
    void imports_get_a_development_secret_only_beside_the_development_token_secret() {
        assertThat(StackSettings.from(Map.of()).serviceEnvironment())
                .containsEntry("COMMONPLACE_IMPORT_SECRET", StackSettings.DEVELOPMENT_IMPORT_SECRET);
        assertThat(StackSettings.from(Map.of("COMMONPLACE_JWT_SECRET",
                "a-configured-secret-of-at-least-thirty-two-bytes")).serviceEnvironment())
                .doesNotContainKey("COMMONPLACE_IMPORT_SECRET");
        assertThat(StackSettings.from(Map.of("COMMONPLACE_IMPORT_SECRET", "a-site-import-secret-of-32-bytes-at-least"))
                .serviceEnvironment()).doesNotContainKey("COMMONPLACE_IMPORT_SECRET");
    }

    @Test
    void an_external_database_or_broker_needs_a_secret_of_its_own() {
        for (Map<String, String> external : List.of(Map.of("COMMONPLACE_DB_URL", "jdbc:postgresql://db.example/cp"),
                Map.of("COMMONPLACE_KAFKA_BOOTSTRAP", "broker.example:9092"))) {
            assertThat(StackSettings.from(external).problems()).as(external.toString())
                    .anySatisfy(problem -> assertThat(problem).contains("COMMONPLACE_JWT_SECRET is required"));
            Map<String, String> withSecret = new java.util.HashMap<>(external);
            withSecret.put("COMMONPLACE_JWT_SECRET", "a-configured-secret-of-at-least-thirty-two-bytes");
            assertThat(StackSettings.from(withSecret).problems())
                    .noneSatisfy(problem -> assertThat(problem).contains("COMMONPLACE_JWT_SECRET"));
        }
        assertThat(StackSettings.from(Map.of()).problems())
                .noneSatisfy(problem -> assertThat(problem).contains("COMMONPLACE_JWT_SECRET"));
    }

    @Test
    void the_development_key_encryption_key_comes_only_when_none_is_set_and_only_for_a_stack_on_this_machine() {
        assertThat(StackSettings.from(Map.of()).serviceEnvironment())
                .containsEntry("COMMONPLACE_KEY_ENCRYPTION_KEY", StackSettings.DEVELOPMENT_KEY_ENCRYPTION_KEY)
                .containsEntry("COMMONPLACE_KEY_ENCRYPTION_KEY_ALLOW_DEVELOPMENT", "true");
        String own = "b3duLWtleS1lbmNyeXB0aW9uLWtleS0zMi1ieXRlcyE=";
        assertThat(StackSettings.from(Map.of("COMMONPLACE_KEY_ENCRYPTION_KEY", own)).serviceEnvironment())
                .containsEntry("COMMONPLACE_KEY_ENCRYPTION_KEY", own)
                .containsEntry("COMMONPLACE_KEY_ENCRYPTION_KEY_ALLOW_DEVELOPMENT", "false");
        String secret = "a-configured-secret-of-at-least-thirty-two-bytes";
        assertThat(StackSettings.from(Map.of("COMMONPLACE_DB_URL", "jdbc:postgresql://db.example/cp",
                "COMMONPLACE_JWT_SECRET", secret)).problems())
                .anySatisfy(problem -> assertThat(problem).contains("COMMONPLACE_KEY_ENCRYPTION_KEY is required"));
        assertThat(StackSettings.from(Map.of("COMMONPLACE_KAFKA_BOOTSTRAP", "broker.example:9092",
                "COMMONPLACE_JWT_SECRET", secret, "COMMONPLACE_KEY_ENCRYPTION_KEY", own)).problems())
                .noneSatisfy(problem -> assertThat(problem).contains("COMMONPLACE_KEY_ENCRYPTION_KEY"));
        assertThat(StackSettings.DEVELOPMENT_KEY_ENCRYPTION_KEY)
                .isEqualTo(commonplace.events.privacy.KeyEncryptionKey.DEVELOPMENT_KEY);
    }

    @Test
    void the_development_secret_is_the_one_the_services_refuse_outside_up() {
        assertThat(JwtSecret.DEVELOPMENT_SECRET).isEqualTo(commonplace.web.security.JwtSettings.DEVELOPMENT_SECRET);
    }
}

package commonplace.local;

import commonplace.local.infra.PostgresServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code up} starts and where, read from the environment. An external PostgreSQL ({@code COMMONPLACE_DB_URL})
 * or Kafka ({@code COMMONPLACE_KAFKA_BOOTSTRAP}) replaces the embedded one; everything else has a local default.
 */
final class StackSettings {

    static final String DATABASE = "commonplace";
    /** With the development token secret only: keys imported guests' ids (docs/import.md). */
    static final String DEVELOPMENT_IMPORT_SECRET = "commonplace-local-development-import-secret-never-in-production";

    private final Map<String, String> environment;

    private StackSettings(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    static StackSettings from(Map<String, String> environment) {
        return new StackSettings(environment);
    }

    Path dataDirectory() {
        return Path.of(value("COMMONPLACE_DATA_DIR").orElse("local-data")).toAbsolutePath().normalize();
    }

    Path logDirectory() {
        return dataDirectory().resolve("logs");
    }

    boolean embeddedPostgres() {
        return value("COMMONPLACE_DB_URL").isEmpty();
    }

    boolean embeddedKafka() {
        return value("COMMONPLACE_KAFKA_BOOTSTRAP").isEmpty();
    }

    int postgresPort() {
        return port("COMMONPLACE_LOCAL_PG_PORT", 5432);
    }

    int kafkaPort() {
        return port("COMMONPLACE_LOCAL_KAFKA_PORT", 9092);
    }

    int commandPort() {
        return port("COMMONPLACE_COMMAND_PORT", 8081);
    }

    int queryPort() {
        return port("COMMONPLACE_QUERY_PORT", 8082);
    }

    /** The database the services use: the embedded one, or the external URL as given. */
    String databaseUrl() {
        return value("COMMONPLACE_DB_URL").orElse("jdbc:postgresql://127.0.0.1:" + postgresPort() + "/" + DATABASE);
    }

    String kafkaBootstrap() {
        return value("COMMONPLACE_KAFKA_BOOTSTRAP").orElse("127.0.0.1:" + kafkaPort());
    }

    String kafkaTopic() {
        return value("COMMONPLACE_KAFKA_TOPIC").orElse("commonplace.discussion.v1");
    }

    JwtSecret jwtSecret() {
        return JwtSecret.fromEnvironment(environment);
    }

    /**
     * The published development key-encryption key (base64 of 32 bytes), given to the command service when
     * {@code COMMONPLACE_KEY_ENCRYPTION_KEY} is not set, under the rule of the development token secret: it protects
     * nothing, so the service takes it only from here and on loopback. Never use it anywhere else.
     */
    static final String DEVELOPMENT_KEY_ENCRYPTION_KEY = "Y29tbW9ucGxhY2UtZGV2ZWxvcG1lbnQtb25seS1rZWs=";

    /** True when no key-encryption key is set and the stack uses the published development one. */
    boolean developmentKeyEncryptionKey() {
        return value("COMMONPLACE_KEY_ENCRYPTION_KEY").isEmpty();
    }

    Path commandJar() {
        return jar("COMMONPLACE_COMMAND_JAR", "command-service");
    }

    Path queryJar() {
        return jar("COMMONPLACE_QUERY_JAR", "query-service");
    }

    /** What every service listens on under {@code up}: this machine alone. */
    static final String SERVICE_ADDRESS = "127.0.0.1";

    /**
     * The environment {@code up} gives both services on top of its own: where the database and Kafka are, the token
     * secret, the key-encryption key, and loopback as their address. Only with the development secret (key) does it
     * allow them to take that secret (key): the services refuse it otherwise, and on any address but loopback.
     */
    Map<String, String> serviceEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("COMMONPLACE_DB_URL", databaseUrl());
        if (embeddedPostgres()) {
            environment.put("COMMONPLACE_DB_USER", PostgresServer.USER);
            environment.put("COMMONPLACE_DB_PASSWORD", "");
        }
        environment.put("COMMONPLACE_KAFKA_BOOTSTRAP", kafkaBootstrap());
        JwtSecret secret = jwtSecret();
        environment.put("COMMONPLACE_JWT_SECRET", secret.value());
        environment.put("COMMONPLACE_JWT_ALLOW_DEVELOPMENT_SECRET", String.valueOf(secret.development()));
        boolean developmentKey = developmentKeyEncryptionKey();
        environment.put("COMMONPLACE_KEY_ENCRYPTION_KEY", developmentKey ? DEVELOPMENT_KEY_ENCRYPTION_KEY
                : value("COMMONPLACE_KEY_ENCRYPTION_KEY").orElseThrow());
        environment.put("COMMONPLACE_KEY_ENCRYPTION_KEY_ALLOW_DEVELOPMENT", String.valueOf(developmentKey));
        environment.put("SERVER_ADDRESS", SERVICE_ADDRESS);
        // the query service opens sealed events with keys from the command service it starts beside
        environment.put("COMMONPLACE_KEY_SERVICE_URL", "http://" + SERVICE_ADDRESS + ":" + commandPort());
        if (secret.development() && value("COMMONPLACE_IMPORT_SECRET").isEmpty()) {
            // imports work out of the box on this machine; a site of its own sets a secret of its own
            environment.put("COMMONPLACE_IMPORT_SECRET", DEVELOPMENT_IMPORT_SECRET);
        }
        return environment;
    }

    /** The ports {@code up} will listen on, each with what needs it. */
    Map<Integer, String> requiredPorts() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        if (embeddedPostgres()) {
            ports.put(postgresPort(), "the embedded PostgreSQL (COMMONPLACE_LOCAL_PG_PORT)");
        }
        if (embeddedKafka()) {
            ports.put(kafkaPort(), "the embedded Kafka broker (COMMONPLACE_LOCAL_KAFKA_PORT)");
        }
        ports.put(commandPort(), "the command service (COMMONPLACE_COMMAND_PORT)");
        ports.put(queryPort(), "the query service (COMMONPLACE_QUERY_PORT)");
        return ports;
    }

    /** Everything that keeps {@code up} from starting, one line each; empty when it can go ahead. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        try {
            if (jwtSecret().development() && (!embeddedPostgres() || !embeddedKafka())) {
                problems.add("COMMONPLACE_JWT_SECRET is required with an external database or Kafka "
                        + "(COMMONPLACE_DB_URL, COMMONPLACE_KAFKA_BOOTSTRAP): the published development secret is only "
                        + "for a stack that stays on this machine");
            }
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (developmentKeyEncryptionKey() && (!embeddedPostgres() || !embeddedKafka())) {
            problems.add("COMMONPLACE_KEY_ENCRYPTION_KEY is required with an external database or Kafka"
                    + " (openssl rand -base64 32): the published development key is only for a stack that stays on"
                    + " this machine");
        }
        for (String name : List.of("COMMONPLACE_LOCAL_PG_PORT", "COMMONPLACE_LOCAL_KAFKA_PORT",
                "COMMONPLACE_COMMAND_PORT", "COMMONPLACE_QUERY_PORT")) {
            value(name).filter(port -> !isPort(port)).ifPresent(port -> problems.add(name + " is not a port: " + port));
        }
        if (problems.isEmpty()) {
            for (Path jar : List.of(commandJar(), queryJar())) {
                if (!Files.isRegularFile(jar)) {
                    problems.add(jar + " is missing: build it with ./mvnw -B -DskipTests package"
                            + " (./commonplace up does)");
                }
            }
        }
        return problems;
    }

    private Path jar(String variable, String module) {
        return value(variable).map(Path::of).orElse(Path.of(module, "target", module + ".jar"))
                .toAbsolutePath().normalize();
    }

    private int port(String variable, int fallback) {
        return value(variable).filter(StackSettings::isPort).map(Integer::parseInt).orElse(fallback);
    }

    private static boolean isPort(String value) {
        return value.matches("\\d{1,5}") && Integer.parseInt(value) > 0 && Integer.parseInt(value) < 65536;
    }

    private Optional<String> value(String name) {
        return Optional.ofNullable(environment.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }
}

package commonplace.testing;

import commonplace.events.Feed;
import commonplace.local.infra.KafkaBroker;
import commonplace.local.infra.PostgresServer;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one test class gets of the {@link SharedInfrastructure}: a fresh database and a Kafka topic name of its own,
 * so test classes never see each other's data. Spring tests register it with
 * <pre>{@code
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     IsolatedInfrastructure.forTestClass(MyTest.class).registerSpringProperties(registry);
 * }
 * }</pre>
 */
public final class IsolatedInfrastructure {

    private static final Map<Class<?>, IsolatedInfrastructure> BY_CLASS = new ConcurrentHashMap<>();
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String database;
    private final String kafkaTopic;

    private IsolatedInfrastructure(String database, String kafkaTopic) {
        this.database = database;
        this.kafkaTopic = kafkaTopic;
    }

    public static IsolatedInfrastructure forTestClass(Class<?> testClass) {
        return BY_CLASS.computeIfAbsent(testClass, IsolatedInfrastructure::create);
    }

    /** A fresh database and topic, for a test that needs more than one (a second stack, say). */
    public static IsolatedInfrastructure fresh(String label) {
        return createNamed(label);
    }

    private static IsolatedInfrastructure create(Class<?> testClass) {
        return createNamed(testClass.getSimpleName());
    }

    private static IsolatedInfrastructure createNamed(String label) {
        String slug = label.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        int n = COUNTER.incrementAndGet();
        String database = ("t" + n + "_" + slug);
        database = database.substring(0, Math.min(database.length(), 60));
        SharedInfrastructure.postgres().createDatabaseIfMissing(database);
        SharedInfrastructure.kafka();
        return new IsolatedInfrastructure(database, Feed.KAFKA_TOPIC + ".test-" + n + "-" + slug);
    }

    public String jdbcUrl() {
        return postgres().jdbcUrl(database);
    }

    public String databaseUser() {
        return PostgresServer.USER;
    }

    public String databasePassword() {
        return "";
    }

    public String kafkaBootstrapServers() {
        return kafka().bootstrapServers();
    }

    /** The Kafka topic this test class publishes to and consumes from, in place of {@link Feed#KAFKA_TOPIC}. */
    public String kafkaTopic() {
        return kafkaTopic;
    }

    public PostgresServer postgres() {
        return SharedInfrastructure.postgres();
    }

    public KafkaBroker kafka() {
        return SharedInfrastructure.kafka();
    }

    /**
     * The settings both services read, as environment variables (for a service started as a process) and as
     * Spring properties (for one started in this JVM).
     */
    public Map<String, String> environment() {
        return Map.of(
                "COMMONPLACE_DB_URL", jdbcUrl(),
                "COMMONPLACE_DB_USER", databaseUser(),
                "COMMONPLACE_DB_PASSWORD", databasePassword(),
                "COMMONPLACE_KAFKA_BOOTSTRAP", kafkaBootstrapServers(),
                "COMMONPLACE_KAFKA_TOPIC", kafkaTopic);
    }

    /** Points a Spring Boot test's datasource and Kafka settings at this class's database and topic. */
    public void registerSpringProperties(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", this::jdbcUrl);
        registry.add("spring.datasource.username", this::databaseUser);
        registry.add("spring.datasource.password", this::databasePassword);
        registry.add("commonplace.kafka.bootstrap-servers", this::kafkaBootstrapServers);
        registry.add("commonplace.kafka.topic", this::kafkaTopic);
    }
}

package commonplace.local.infra;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), running in this JVM with its log
 * directory on disk. It can be stopped and started again on the same port and data, which is what the local stack
 * (a restart keeps every event) and the fault tests (a broker outage) need.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final Path dataDirectory;
    private final String host;
    private final int port;
    private final int controllerPort;
    /** Client users (name to password) for SASL/PLAIN on the client listener; empty: PLAINTEXT. */
    private final Map<String, String> saslUsers;
    private KafkaRaftServer server;

    private KafkaBroker(Path dataDirectory, String host, int port, int controllerPort, Map<String, String> saslUsers) {
        this.dataDirectory = dataDirectory;
        this.host = host;
        this.port = port;
        this.controllerPort = controllerPort;
        this.saslUsers = Map.copyOf(saslUsers);
    }

    /** A broker keeping its data in {@code dataDirectory}, listening on {@code host:port} (controller on a free port). */
    public static KafkaBroker at(Path dataDirectory, String host, int port) {
        return new KafkaBroker(dataDirectory, host, port, FreePorts.find(), Map.of());
    }

    /** A throw-away broker on free ports, for tests. */
    public static KafkaBroker onFreePorts(Path dataDirectory) {
        return new KafkaBroker(dataDirectory, "127.0.0.1", FreePorts.find(), FreePorts.find(), Map.of());
    }

    /**
     * A throw-away broker on free ports whose clients must authenticate with SASL/PLAIN as one of {@code users}
     * (name to password), for tests of the clients' security settings.
     */
    public static KafkaBroker withSaslOnFreePorts(Path dataDirectory, Map<String, String> users) {
        return new KafkaBroker(dataDirectory, "127.0.0.1", FreePorts.find(), FreePorts.find(), users);
    }

    /** What a client of {@link #withSaslOnFreePorts} sets to log in as {@code user}. */
    public static String plainJaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    public synchronized KafkaBroker start() {
        if (server != null) {
            return this;
        }
        try {
            Files.createDirectories(dataDirectory);
            KafkaConfig config = KafkaConfig.fromProps(properties(), false);
            formatOnce();
            KafkaRaftServer started = new KafkaRaftServer(config, Time.SYSTEM);
            started.startup();
            server = started;
            return this;
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker did not start on " + bootstrapServers(), e);
        }
    }

    /** Stops the broker and waits until it is down; its data stays for the next {@link #start()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String bootstrapServers() {
        return host + ":" + port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        stop();
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        String clients = saslUsers.isEmpty() ? "PLAINTEXT" : "SASL_PLAINTEXT";
        props.put("listeners", clients + "://" + host + ":" + port + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", clients + "://" + host + ":" + port);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("listener.security.protocol.map", clients + ":" + clients + "," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", clients);
        if (!saslUsers.isEmpty()) {
            // the broker logs in to itself as "broker"; every other user is a client
            StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required "
                    + "username=\"broker\" password=\"broker\" user_broker=\"broker\"");
            saslUsers.forEach((user, password) -> jaas.append(" user_").append(user).append("=\"").append(password)
                    .append('"'));
            props.put("sasl.enabled.mechanisms", "PLAIN");
            props.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
            props.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", jaas.append(';').toString());
        }
        props.put("log.dirs", dataDirectory.toString());
        props.put("num.partitions", "3");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        props.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        return props;
    }

    private void formatOnce() throws Exception {
        if (Files.exists(dataDirectory.resolve("meta.properties"))) {
            return;
        }
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(1)
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setMetadataLogDirectory(dataDirectory.toString())
                .setDirectories(List.of(dataDirectory.toString()))
                .setReleaseVersion(MetadataVersion.latestProduction())
                .setIgnoreFormatted(true)
                .run();
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

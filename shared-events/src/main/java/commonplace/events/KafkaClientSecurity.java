package commonplace.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How a Kafka client authenticates to the broker: the security protocol, the SASL mechanism and its JAAS
 * configuration, and a trust store for a broker certificate the JVM does not trust. Every Kafka client of both
 * services (producer, admin clients, consumers) takes exactly these, so that a broker with SASL/SCRAM and ACLs serves
 * them all (docs/deploy.md). Empty values are left out: the client's defaults (PLAINTEXT) apply.
 *
 * @param protocol         {@code security.protocol}: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL
 * @param saslMechanism    {@code sasl.mechanism}, e.g. SCRAM-SHA-512
 * @param saslJaasConfig   {@code sasl.jaas.config}; it holds a password, so it is never shown
 * @param truststoreLocation {@code ssl.truststore.location}
 * @param truststorePassword {@code ssl.truststore.password}; never shown
 */
public record KafkaClientSecurity(String protocol, String saslMechanism, String saslJaasConfig,
                                  String truststoreLocation, String truststorePassword) {

    private static final Set<String> PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");

    public KafkaClientSecurity {
        if (isSet(protocol) && !PROTOCOLS.contains(protocol.strip())) {
            throw new IllegalArgumentException("the Kafka security protocol must be one of " + PROTOCOLS
                    + " (got " + protocol + ")");
        }
        if (isSet(protocol) && protocol.strip().startsWith("SASL_") && !isSet(saslJaasConfig)) {
            throw new IllegalArgumentException("the Kafka security protocol " + protocol.strip()
                    + " needs a SASL JAAS configuration (COMMONPLACE_KAFKA_SASL_JAAS_CONFIG)");
        }
    }

    /** No settings: the client's defaults. */
    public static KafkaClientSecurity none() {
        return new KafkaClientSecurity(null, null, null, null, null);
    }

    /** The client properties to add to a producer's, consumer's or admin client's configuration. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        put(properties, "security.protocol", protocol);
        put(properties, "sasl.mechanism", saslMechanism);
        put(properties, "sasl.jaas.config", saslJaasConfig);
        put(properties, "ssl.truststore.location", truststoreLocation);
        put(properties, "ssl.truststore.password", truststorePassword);
        return properties;
    }

    /** Without the secrets: a configuration printed to a log must not give the broker's passwords away. */
    @Override
    public String toString() {
        return "KafkaClientSecurity[protocol=" + protocol + ", saslMechanism=" + saslMechanism
                + ", saslJaasConfig=" + (isSet(saslJaasConfig) ? "[hidden]" : "none")
                + ", truststoreLocation=" + truststoreLocation
                + ", truststorePassword=" + (isSet(truststorePassword) ? "[hidden]" : "none") + "]";
    }

    private static void put(Map<String, Object> properties, String name, String value) {
        if (isSet(value)) {
            properties.put(name, value.strip());
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}

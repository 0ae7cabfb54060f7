package commonplace.events;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaClientSecurityTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"commonplace-command\" password=\"s3cret-broker-password\";";

    @Test
    void whatIsSetIsPassedToTheClientAndNothingElse() {
        assertThat(KafkaClientSecurity.none().clientProperties()).isEmpty();
        assertThat(new KafkaClientSecurity("", " ", "", null, "").clientProperties()).isEmpty();
        assertThat(new KafkaClientSecurity("SASL_SSL", "SCRAM-SHA-512", JAAS, "/etc/ca.p12", "trust").clientProperties())
                .isEqualTo(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
                        "sasl.jaas.config", JAAS, "ssl.truststore.location", "/etc/ca.p12",
                        "ssl.truststore.password", "trust"));
    }

    @Test
    void aSaslProtocolWithoutJaasConfigurationOrAnUnknownProtocolIsRefused() {
        assertThatThrownBy(() -> new KafkaClientSecurity("SASL_SSL", "SCRAM-SHA-512", "", null, null))
                .hasMessageContaining("COMMONPLACE_KAFKA_SASL_JAAS_CONFIG");
        assertThatThrownBy(() -> new KafkaClientSecurity("TLS", null, null, null, null))
                .hasMessageContaining("SASL_SSL");
    }

    @Test
    void thePasswordsNeverReachALog() {
        assertThat(new KafkaClientSecurity("SASL_SSL", "SCRAM-SHA-512", JAAS, "/etc/ca.p12", "trust-password"))
                .hasToString("KafkaClientSecurity[protocol=SASL_SSL, saslMechanism=SCRAM-SHA-512, saslJaasConfig=[hidden], "
                        + "truststoreLocation=/etc/ca.p12, truststorePassword=[hidden]]");
    }
}

package io.tideline.messaging.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class KafkaSecuritySettingsTest {

    @Test
    void passesTlsAndSaslSettingsButNotReliabilityOverrides() {
        Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                "kafka.security.protocol", "SASL_SSL",
                "kafka.sasl.mechanism", "SCRAM-SHA-512",
                "kafka.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "kafka.ssl.truststore.location", "/etc/kafka/truststore.p12",
                "kafka.acks", "0",
                "kafka.enable.auto.commit", "true",
                "tideline.db.name", "x"), "test", 100)).build();

        Map<String, Object> settings = KafkaClientFactory.securitySettings(config);

        assertThat(settings).containsOnlyKeys("security.protocol", "sasl.mechanism", "sasl.jaas.config",
                "ssl.truststore.location");
        assertThat(settings.get("security.protocol")).isEqualTo("SASL_SSL");
    }
}

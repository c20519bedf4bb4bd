package io.tideline.messaging.kafka;

import io.tideline.messaging.MessagingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;

/**
 * Builds the Kafka clients of the messaging layer with one set of reliability settings, plus the connection's
 * security settings: every {@code kafka.security.*}, {@code kafka.sasl.*} and {@code kafka.ssl.*} property (the same
 * names the Quarkus Kafka health check reads, e.g. {@code KAFKA_SECURITY_PROTOCOL=SASL_SSL},
 * {@code KAFKA_SASL_MECHANISM=SCRAM-SHA-512}, {@code KAFKA_SASL_JAAS_CONFIG=...}, {@code KAFKA_SSL_TRUSTSTORE_LOCATION})
 * is passed to every client. Only those: the reliability settings below cannot be overridden by accident.
 */
@ApplicationScoped
public class KafkaClientFactory {

    private static final List<String> SECURITY_PREFIXES = List.of("security.", "sasl.", "ssl.");

    private final MessagingConfig config;
    private final Map<String, Object> security;

    public KafkaClientFactory(MessagingConfig config, Config all) {
        this.config = config;
        this.security = securitySettings(all);
    }

    static Map<String, Object> securitySettings(Config all) {
        Map<String, Object> settings = new TreeMap<>();
        for (String name : all.getPropertyNames()) {
            if (!name.startsWith("kafka.")) {
                continue;
            }
            String key = name.substring("kafka.".length());
            if (SECURITY_PREFIXES.stream().anyMatch(key::startsWith)) {
                all.getOptionalValue(name, String.class).ifPresent(v -> settings.put(key, v));
            }
        }
        return Map.copyOf(settings);
    }

    /** The names of the security settings in use (never their values: they hold credentials). */
    public java.util.Set<String> securitySettingNames() {
        return security.keySet();
    }

    /** An idempotent producer that waits for all in-sync replicas: per-partition order survives retries. */
    public KafkaProducer<String, byte[]> producer(String clientId) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, config.service() + "-" + clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.putAll(security);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** A consumer that commits offsets itself, only after the records are applied (at-least-once). */
    public KafkaConsumer<String, byte[]> consumer(String groupId, int maxPollRecords) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-" + Long.toHexString(System.nanoTime()));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.putAll(security);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * A consumer for reading by assignment, outside any consumer group: it commits nothing (the settings reader, the
     * gateway's dead-letter browser).
     */
    public KafkaConsumer<String, byte[]> reader(String clientId) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, config.service() + "-" + clientId + "-"
                + Long.toHexString(System.nanoTime()));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.putAll(security);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * A consumer that follows topics by assignment from their live end, outside any consumer group: it commits
     * nothing, and when its position falls out of a partition's range (the broker lost the tail it had read) it goes
     * on from the end rather than reading the partition's history again (the gateway's live stream).
     */
    public KafkaConsumer<String, byte[]> follower(String clientId, int maxPollRecords) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, config.service() + "-" + clientId + "-"
                + Long.toHexString(System.nanoTime()));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.putAll(security);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** An admin client whose every call gives up after {@code timeout} (offsets, consumer groups). */
    public Admin admin(String clientId, java.time.Duration timeout) {
        Map<String, Object> props = new HashMap<>();
        int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, config.service() + "-" + clientId);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        props.putAll(security);
        return Admin.create(props);
    }

    public String bootstrapServers() {
        return config.kafkaBootstrapServers();
    }
}

package io.tideline.gateway.admin.health;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The platform's operations health at a glance: every service's readiness and messaging state, consumer lag per
 * group and the depth of every dead-letter topic.
 *
 * @param status    UP when every service is ready and Kafka answered, else DEGRADED
 * @param timeoutMs how long each part was waited for ({@code gateway.health.timeout-ms})
 */
public record HealthReport(String status, Instant at, long timeoutMs, List<ServiceHealth> services,
                           KafkaHealth kafka) {

    /**
     * One service.
     *
     * @param status        UP (ready), DOWN (not ready, or no answer within the timeout)
     * @param reason        why it is DOWN
     * @param checks        its readiness checks and their states, as it reported them
     * @param relay         its outbox relay's state, when its messaging state was read
     * @param outboxBacklog outbox rows committed and not yet on Kafka, when read
     * @param parkedKeys    keys its consumers hold back behind a dead letter, when read
     */
    public record ServiceHealth(String name, String status, String reason, List<Check> checks, String relay,
                                Long outboxBacklog, List<ConsumerState> consumers, Integer parkedKeys) {

        static ServiceHealth down(String name, String reason) {
            return new ServiceHealth(name, "DOWN", reason, List.of(), null, null, List.of(), null);
        }
    }

    /** A readiness check of a service. */
    public record Check(String name, String status) {
    }

    /** A consumer of a service as it reports itself. */
    public record ConsumerState(String consumer, String state, long applied, long deadLettered) {
    }

    /**
     * What Kafka says.
     *
     * @param status UP, or DOWN with the reason when it did not answer within the timeout
     */
    public record KafkaHealth(String status, String reason, List<GroupLag> consumerLag, List<TopicDepth> deadLetters) {
    }

    /** A consumer group's lag: end offsets minus its committed offsets, in all and per topic. */
    public record GroupLag(String group, long lag, Map<String, Long> byTopic) {
    }

    /** How many records a dead-letter topic holds (end minus first kept offset over its partitions). */
    public record TopicDepth(String topic, long depth) {
    }
}

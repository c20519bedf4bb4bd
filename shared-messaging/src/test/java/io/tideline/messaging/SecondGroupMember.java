package io.tideline.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A plain Kafka consumer that joins a group, polls on a thread of its own and never commits: while it is in, it only
 * takes partitions away from the group's other members; closing it makes the group rebalance again.
 */
final class SecondGroupMember implements AutoCloseable {

    private final AtomicReference<Set<TopicPartition>> assigned = new AtomicReference<>(Set.of());
    private final Thread thread;
    private volatile boolean running = true;

    private SecondGroupMember(String bootstrap, String group, String topic) {
        thread = new Thread(() -> pollUntilClosed(bootstrap, group, topic), "second-member-of-" + group);
        thread.setDaemon(true);
    }

    static SecondGroupMember join(String bootstrap, String group, String topic) {
        SecondGroupMember member = new SecondGroupMember(bootstrap, group, topic);
        member.thread.start();
        return member;
    }

    /** The partitions the group gave this member, none before it is in. */
    Set<TopicPartition> assigned() {
        return assigned.get();
    }

    private void pollUntilClosed(String bootstrap, String group, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.CLIENT_ID_CONFIG, "second-member-of-" + group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    assigned.set(Set.of());
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    assigned.set(Set.copyOf(partitions));
                }
            });
            while (running) {
                consumer.poll(Duration.ofMillis(200));
            }
        }
    }

    /** Leaves the group (the consumer's close sends LeaveGroup). */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.tideline.messaging;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the broker says about a consumer group, and the operator's hand on it, for tests. */
final class ConsumerGroupProbe implements AutoCloseable {

    private final Admin admin;
    private final String group;

    ConsumerGroupProbe(String bootstrap, String group) {
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
        this.group = group;
    }

    GroupState state() {
        return describe().groupState();
    }

    /** The group's members now (a Kafka consumer's client id tells one consumer from the one before it). */
    List<MemberDescription> members() {
        return List.copyOf(describe().members());
    }

    private ConsumerGroupDescription describe() {
        return get(admin.describeConsumerGroups(List.of(group)).describedGroups().get(group));
    }

    /** Whether the group has committed every partition of {@code topic} up to its end: nothing left to redeliver. */
    boolean committedToTheEndOf(String topic) {
        Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata());
        List<TopicPartition> partitions = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, Long> ends = get(admin.listOffsets(partitions.stream()
                .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()))).all()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        return partitions.stream().allMatch(p -> ends.get(p) == 0
                || (committed.get(p) != null && committed.get(p).offset() == ends.get(p)));
    }

    /** Removes every member from the group, as an operator may: the group rebalances without them. */
    void removeAllMembers() {
        get(admin.removeMembersFromConsumerGroup(group, new RemoveMembersFromConsumerGroupOptions()).all());
    }

    private <T> T get(Future<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not answer about group " + group + ": " + e, e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}

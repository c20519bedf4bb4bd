package io.tideline.gateway.admin.health;

import io.tideline.events.Topics;
import io.tideline.events.Topics.TopicSpec;
import io.tideline.gateway.admin.health.HealthReport.GroupLag;
import io.tideline.gateway.admin.health.HealthReport.KafkaHealth;
import io.tideline.gateway.admin.health.HealthReport.TopicDepth;
import io.tideline.messaging.kafka.KafkaClientFactory;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads from Kafka's admin API what the services cannot say about themselves: each platform consumer group's lag
 * (end offsets minus committed offsets) and each dead-letter topic's depth (end minus first kept offsets). One admin
 * client, made on first use with the connection's security settings; every call is bounded by the deadline.
 */
@ApplicationScoped
public class KafkaProbe {

    private final KafkaClientFactory clients;
    private volatile Admin admin;

    public KafkaProbe(KafkaClientFactory clients) {
        this.clients = clients;
    }

    /**
     * Lag of the consumer groups whose name starts with {@code <service>.} for one of the services, and the depth of
     * every dead-letter topic of the catalogue; DOWN with the reason when Kafka does not answer in time.
     */
    public KafkaHealth probe(Set<String> services, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            Admin kafka = admin(timeout);
            return new KafkaHealth("UP", null, lag(kafka, services, deadline), depths(kafka, deadline));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new KafkaHealth("DOWN", "interrupted", List.of(), List.of());
        } catch (TimeoutException e) {
            return new KafkaHealth("DOWN", "no answer within " + timeout.toMillis() + " ms", List.of(), List.of());
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            return new KafkaHealth("DOWN", cause.getClass().getSimpleName() + ": " + cause.getMessage(), List.of(),
                    List.of());
        }
    }

    private List<GroupLag> lag(Admin kafka, Set<String> services, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        Collection<GroupListing> listed = await(kafka.listGroups(ListGroupsOptions.forConsumerGroups()
                .timeoutMs(remainingMs(deadline))).all(), deadline);
        List<String> groups = listed.stream().map(GroupListing::groupId)
                .filter(g -> g.indexOf('.') > 0 && services.contains(g.substring(0, g.indexOf('.'))))
                .sorted().toList();
        if (groups.isEmpty()) {
            return List.of();
        }
        Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
        groups.forEach(g -> specs.put(g, new ListConsumerGroupOffsetsSpec()));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = await(
                kafka.listConsumerGroupOffsets(specs).all(), deadline);
        Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
        committed.values().forEach(m -> m.keySet().forEach(tp -> wanted.put(tp, OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = wanted.isEmpty() ? Map.of()
                : await(kafka.listOffsets(wanted, new ListOffsetsOptions().timeoutMs(remainingMs(deadline))).all(),
                deadline);
        List<GroupLag> lags = new ArrayList<>();
        for (String group : groups) {
            Map<String, Long> byTopic = new TreeMap<>();
            committed.getOrDefault(group, Map.of()).forEach((tp, offset) -> {
                ListOffsetsResult.ListOffsetsResultInfo end = ends.get(tp);
                if (offset != null && end != null) {
                    byTopic.merge(tp.topic(), Math.max(0, end.offset() - offset.offset()), Long::sum);
                }
            });
            lags.add(new GroupLag(group, byTopic.values().stream().mapToLong(Long::longValue).sum(), byTopic));
        }
        return lags;
    }

    private List<TopicDepth> depths(Admin kafka, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<String> names = Topics.all().stream().filter(TopicSpec::isDeadLetter).map(TopicSpec::name).toList();
        Map<String, TopicDescription> described = await(kafka.describeTopics(names).allTopicNames(), deadline);
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        described.values().forEach(d -> d.partitions().forEach(p -> {
            TopicPartition tp = new TopicPartition(d.name(), p.partition());
            earliest.put(tp, OffsetSpec.earliest());
            latest.put(tp, OffsetSpec.latest());
        }));
        ListOffsetsOptions options = new ListOffsetsOptions().timeoutMs(remainingMs(deadline));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> begin = await(
                kafka.listOffsets(earliest, options).all(), deadline);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = await(
                kafka.listOffsets(latest, options).all(), deadline);
        Map<String, Long> depth = new TreeMap<>();
        names.forEach(n -> depth.put(n, 0L));
        end.forEach((tp, info) -> depth.merge(tp.topic(), info.offset() - begin.get(tp).offset(), Long::sum));
        return depth.entrySet().stream().map(e -> new TopicDepth(e.getKey(), e.getValue())).toList();
    }

    private static <T> T await(KafkaFuture<T> future, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private static int remainingMs(long deadline) {
        return (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    private Admin admin(Duration timeout) {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = clients.admin("operations-health", timeout.multipliedBy(2));
                }
                current = admin;
            }
        }
        return current;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }
}

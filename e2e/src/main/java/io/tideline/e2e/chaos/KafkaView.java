package io.tideline.e2e.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * The broker's side: each consumer group's topics and lag, and what is on a topic since a moment (records and
 * distinct event ids, so that a record the relay sent twice shows as a redelivery the consumers had to absorb).
 */
public final class KafkaView implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A group's topics (without dead-letter topics) and its lag summed over their partitions. */
    public record Group(String id, Set<String> topics, long lag) {
    }

    /** What a topic holds since the moment: records, and the distinct event ids among them. */
    record TopicContent(long records, Set<UUID> eventIds) {
    }

    private final String bootstrap;
    private final Admin admin;

    public KafkaView(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("request.timeout.ms", "15000");
        this.admin = Admin.create(p);
    }

    public Map<String, Group> groups(Set<String> prefixes) throws ExecutionException, InterruptedException {
        Map<String, Group> groups = new HashMap<>();
        for (ConsumerGroupListing listing : admin.listConsumerGroups().all().get()) {
            String id = listing.groupId();
            if (prefixes.stream().noneMatch(prefix -> id.startsWith(prefix + "."))) {
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(id).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            long lag = 0;
            Set<String> topics = new TreeSet<>();
            for (var e : committed.entrySet()) {
                if (e.getValue() == null || e.getKey().topic().endsWith(".dlq")) {
                    continue;
                }
                topics.add(e.getKey().topic());
                lag += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
            }
            groups.put(id, new Group(id, topics, lag));
        }
        return groups;
    }

    TopicContent readSince(String topic, Instant since) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.deserializer", ByteArrayDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            consumer.assign(partitions);
            Map<TopicPartition, Long> at = new HashMap<>();
            partitions.forEach(tp -> at.put(tp, since.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> from = consumer.offsetsForTimes(at);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> remaining = new HashMap<>();
            for (TopicPartition tp : partitions) {
                OffsetAndTimestamp start = from.get(tp);
                long offset = start == null ? end.get(tp) : start.offset();
                consumer.seek(tp, offset);
                if (offset < end.get(tp)) {
                    remaining.put(tp, end.get(tp));
                }
            }
            long records = 0;
            Set<UUID> ids = new HashSet<>();
            while (!remaining.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofSeconds(2))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    Long stop = remaining.get(tp);
                    if (stop == null || r.offset() >= stop) {
                        continue;
                    }
                    records++;
                    UUID id = eventId(r.value());
                    if (id != null) {
                        ids.add(id);
                    }
                    if (r.offset() + 1 >= stop) {
                        remaining.remove(tp);
                    }
                }
                remaining.keySet().removeIf(tp -> consumer.position(tp) >= remaining.get(tp));
            }
            return new TopicContent(records, ids);
        }
    }

    private static UUID eventId(byte[] value) {
        try {
            JsonNode envelope = JSON.readTree(value);
            return UUID.fromString(envelope.path("eventId").asText());
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}

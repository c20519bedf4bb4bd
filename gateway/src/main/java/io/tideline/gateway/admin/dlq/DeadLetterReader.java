package io.tideline.gateway.admin.dlq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideline.messaging.kafka.Headers;
import io.tideline.messaging.kafka.KafkaClientFactory;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads dead-letter topics by assignment, outside any consumer group (browsing commits nothing and moves no one's
 * offsets): a page of letters from a position, or one letter by its partition and offset.
 */
@ApplicationScoped
public class DeadLetterReader {

    static final int PREVIEW_CHARS = 2_000;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(200);
    /** Letters at most this far apart are read in one pass rather than sought one by one. */
    private static final long RUN_GAP = 1_000;

    private final KafkaClientFactory clients;
    private final ObjectMapper json;

    public DeadLetterReader(KafkaClientFactory clients, ObjectMapper json) {
        this.clients = clients;
        this.json = json;
    }

    /** A partition of a dead-letter topic: its first offset still kept and the offset the next letter will get. */
    public record PartitionRange(int partition, long begin, long end) {

        public long depth() {
            return end - begin;
        }
    }

    public List<PartitionRange> ranges(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = clients.reader("dlq-browse")) {
            return ranges(consumer, partitions(consumer, topic));
        }
    }

    /**
     * Up to {@code limit} letters, partition by partition in order, from {@code from} (or the beginning) of
     * {@code partition} (or of every partition).
     */
    public List<DeadLetter> browse(String topic, Integer partition, Long from, int limit) {
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = clients.reader("dlq-browse")) {
            List<TopicPartition> all = partitions(consumer, topic);
            for (PartitionRange range : ranges(consumer, all)) {
                if (partition != null && range.partition() != partition || letters.size() >= limit) {
                    continue;
                }
                long start = Math.max(range.begin(), from == null ? range.begin() : from);
                for (ConsumerRecord<String, byte[]> r : read(consumer, new TopicPartition(topic, range.partition()),
                        start, range.end(), limit - letters.size())) {
                    letters.add(letter(r));
                }
            }
        }
        return letters;
    }

    /** A letter's place in its dead-letter topic. */
    public record Place(int partition, long offset) {
    }

    /**
     * The letters the topic still holds at these places; a missing place is absent. One reader for all of them, and
     * one sequential read per run of nearby offsets: a seek per letter costs a fetch round (up to the broker's fetch
     * wait, 500 ms) each.
     */
    public Map<Place, ConsumerRecord<String, byte[]>> at(String topic, Collection<Place> places) {
        Map<Place, ConsumerRecord<String, byte[]>> found = new HashMap<>();
        if (places.isEmpty()) {
            return found;
        }
        try (KafkaConsumer<String, byte[]> consumer = clients.reader("dlq-replay")) {
            List<TopicPartition> all = partitions(consumer, topic);
            for (PartitionRange range : ranges(consumer, all)) {
                List<Long> wanted = places.stream().filter(p -> p.partition() == range.partition())
                        .map(Place::offset).filter(o -> o >= range.begin() && o < range.end()).sorted().toList();
                TopicPartition tp = new TopicPartition(topic, range.partition());
                for (int i = 0; i < wanted.size(); ) {
                    int j = i;
                    while (j + 1 < wanted.size() && wanted.get(j + 1) - wanted.get(j) <= RUN_GAP) {
                        j++;
                    }
                    long start = wanted.get(i);
                    long end = wanted.get(j) + 1;
                    Set<Long> run = Set.copyOf(wanted.subList(i, j + 1));
                    for (ConsumerRecord<String, byte[]> r : read(consumer, tp, start, end, (int) (end - start))) {
                        if (run.contains(r.offset())) {
                            found.put(new Place(r.partition(), r.offset()), r);
                        }
                    }
                    i = j + 1;
                }
            }
        }
        return found;
    }

    private static List<ConsumerRecord<String, byte[]>> read(KafkaConsumer<String, byte[]> consumer,
            TopicPartition tp, long start, long end, int max) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        if (start >= end || max <= 0) {
            return out;
        }
        consumer.assign(List.of(tp));
        consumer.seek(tp, start);
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (out.size() < max && consumer.position(tp) < end && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                if (r.offset() < end && out.size() < max) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, String topic) {
        return consumer.partitionsFor(topic, READ_TIMEOUT).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .sorted(java.util.Comparator.comparingInt(TopicPartition::partition)).toList();
    }

    private static List<PartitionRange> ranges(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> tps) {
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(tps, READ_TIMEOUT);
        Map<TopicPartition, Long> end = consumer.endOffsets(tps, READ_TIMEOUT);
        return tps.stream().map(tp -> new PartitionRange(tp.partition(), begin.get(tp), end.get(tp))).toList();
    }

    DeadLetter letter(ConsumerRecord<String, byte[]> r) {
        byte[] value = r.value() == null ? new byte[0] : r.value();
        String text = new String(value, StandardCharsets.UTF_8);
        boolean cut = text.length() > PREVIEW_CHARS;
        String eventId = header(r, Headers.EVENT_ID);
        String eventType = header(r, Headers.EVENT_TYPE);
        if (eventId == null || eventType == null) {
            JsonNode envelope = envelope(value);
            eventId = eventId != null ? eventId : field(envelope, "eventId");
            eventType = eventType != null ? eventType : field(envelope, "type");
        }
        return new DeadLetter(r.topic(), r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()), r.key(),
                header(r, Headers.DLQ_REASON), header(r, Headers.DLQ_ERROR), header(r, Headers.DLQ_CONSUMER),
                header(r, Headers.DLQ_ATTEMPTS), header(r, Headers.DLQ_SOURCE_TOPIC),
                header(r, Headers.DLQ_SOURCE_PARTITION), header(r, Headers.DLQ_SOURCE_OFFSET),
                header(r, Headers.DLQ_FAILED_AT), eventId, eventType, value.length,
                cut ? text.substring(0, PREVIEW_CHARS) : text, cut, null, null);
    }

    private JsonNode envelope(byte[] value) {
        try {
            return json.readTree(value);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static String field(JsonNode node, String name) {
        JsonNode field = node == null || !node.isObject() ? null : node.get(name);
        return field == null || !field.isValueNode() ? null : field.asText();
    }

    static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}

package io.tideline.analytics.replay;

import io.tideline.analytics.readmodel.PortfolioConsumer;
import io.tideline.events.EventDecodingException;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.Topics;
import io.tideline.messaging.consumer.EventConsumers;
import io.tideline.analytics.readmodel.PortfolioProjection;
import io.tideline.messaging.consumer.IdempotentConsumer;
import io.tideline.messaging.kafka.KafkaClientFactory;
import io.tideline.messaging.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Rebuilds the read model from the topics, from offset 0: the live consumer stops, the read model's tables and the
 * consumer's applied event ids are emptied in one unit of work, every record up to the end offsets seen at the start is
 * read with a throwaway consumer (assigned, never committing) and applied in order by the same projection, each poll in
 * one unit of work that claims the envelope ids as the live consumer does (strategies loaded at once, written in
 * batched statements), then the live consumer starts again from its committed offsets (what the replay already
 * applied is skipped by its event id). Records the live consumer refused (undecodable, from a source that does not
 * own the topic) are refused here too; a record that cannot be applied is skipped and counted. Snapshots and reports
 * are kept: they are what was seen at their time.
 */
@ApplicationScoped
public class ReplayService {

    private static final Logger LOG = Logger.getLogger(ReplayService.class);
    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();
    private static final List<String> READ_MODEL_TABLES = List.of("strategy", "lp_fact", "price_mark", "mm_inventory",
            "mm_take_profit", "trade");

    private final EventConsumers consumers;
    private final PortfolioConsumer handler;
    private final PortfolioProjection projection;
    private final IdempotentConsumer idempotent;
    private final KafkaClientFactory clients;
    private final Transactions transactions;
    private final List<io.tideline.messaging.consumer.EventHandler> all;

    public ReplayService(EventConsumers consumers, PortfolioConsumer handler, PortfolioProjection projection,
            IdempotentConsumer idempotent, KafkaClientFactory clients, Transactions transactions,
            @jakarta.enterprise.inject.Any jakarta.enterprise.inject.Instance<io.tideline.messaging.consumer.EventHandler>
                    handlers) {
        this.all = handlers.stream().toList();
        this.consumers = consumers;
        this.handler = handler;
        this.projection = projection;
        this.idempotent = idempotent;
        this.clients = clients;
        this.transactions = transactions;
    }

    /** What a replay did. */
    public record Result(Instant startedAt, long millis, long read, long applied, long refused, long failed) {
    }

    public synchronized Result replay() {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        // stopAll stops every consumer of the service (the pool series and the suggestions' follow-up too): each one
        // that was running starts again after the replay
        List<io.tideline.messaging.consumer.EventHandler> running = all.stream()
                .filter(h -> consumers.statuses().stream().anyMatch(s -> s.consumer().endsWith(h.name()))).toList();
        consumers.stopAll();
        try {
            transactions.execute(uow -> {
                uow.exec("truncate " + String.join(", ", READ_MODEL_TABLES));
                uow.exec("delete from processed_event where consumer = $1", PortfolioConsumer.NAME);
            });
            long[] counts = readAll();
            long millis = (System.nanoTime() - t0) / 1_000_000;
            LOG.infof("replay: %d records read, %d applied, %d refused, %d failed in %d ms", counts[0], counts[1],
                    counts[2], counts[3], millis);
            return new Result(started, millis, counts[0], counts[1], counts[2], counts[3]);
        } finally {
            running.forEach(consumers::start);
        }
    }

    private long[] readAll() {
        long read = 0;
        long applied = 0;
        long refused = 0;
        long failed = 0;
        try (KafkaConsumer<String, byte[]> kafka = clients.consumer("analytics.replay-" + UUID.randomUUID(), 2000)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : PortfolioConsumer.TOPICS) {
                List<PartitionInfo> infos = kafka.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = kafka.endOffsets(partitions, Duration.ofSeconds(10));
            while (!reached(kafka, end)) {
                List<EventEnvelope<?>> batch = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(200))) {
                    if (record.offset() >= end.getOrDefault(new TopicPartition(record.topic(), record.partition()),
                            0L)) {
                        continue;
                    }
                    read++;
                    EventEnvelope<?> event = decode(record);
                    if (event == null || Topics.sourceRefusal(record.topic(), event.source()).isPresent()
                            || !handler.wants(event)) {
                        refused++;
                        continue;
                    }
                    batch.add(event);
                }
                long[] outcome = apply(batch);
                applied += outcome[0];
                failed += outcome[1];
            }
        }
        return new long[] {read, applied, refused, failed};
    }

    private long[] apply(List<EventEnvelope<?>> batch) {
        if (batch.isEmpty()) {
            return new long[] {0, 0};
        }
        try {
            return new long[] {applyOnce(batch), 0};
        } catch (RuntimeException batchFailed) {
            long applied = 0;
            long failed = 0;
            for (EventEnvelope<?> event : batch) {
                try {
                    applied += applyOnce(List.of(event));
                } catch (RuntimeException e) {
                    failed++;
                    LOG.warnf("replay: event %s (%s) not applied: %s", event.eventId(), event.type(), e.getMessage());
                }
            }
            return new long[] {applied, failed};
        }
    }

    /**
     * One unit of work: claims the envelope ids as the live consumer does ({@code processed_event}, consumer
     * {@value PortfolioConsumer#NAME}) and applies the newly claimed ones in order, in one batch.
     */
    private int applyOnce(List<EventEnvelope<?>> batch) {
        return transactions.run(uow -> {
            Set<UUID> pending = new HashSet<>(idempotent.claim(uow, PortfolioConsumer.NAME,
                    batch.stream().map(EventEnvelope::eventId).toList()));
            int claimed = pending.size();
            List<EventEnvelope<?>> fresh = new ArrayList<>();
            for (EventEnvelope<?> event : batch) {
                if (pending.remove(event.eventId())) {
                    fresh.add(event);
                }
            }
            projection.applyAll(fresh, uow);
            return claimed;
        });
    }

    private static EventEnvelope<?> decode(ConsumerRecord<String, byte[]> record) {
        try {
            return record.value() == null ? null : CODEC.decode(record.value());
        } catch (EventDecodingException | IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean reached(KafkaConsumer<String, byte[]> kafka, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (kafka.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}

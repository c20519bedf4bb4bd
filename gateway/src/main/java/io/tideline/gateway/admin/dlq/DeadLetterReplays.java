package io.tideline.gateway.admin.dlq;

import io.tideline.events.Topics;
import io.tideline.events.Topics.TopicSpec;
import io.tideline.messaging.kafka.Headers;
import io.tideline.messaging.kafka.KafkaClientFactory;
import io.tideline.messaging.kafka.LazyProducer;
import io.tideline.messaging.tx.Transactions;
import io.tideline.service.problem.ProblemException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Dead letters browsed with their replays, and replayed: a chosen letter is published again to its source topic with
 * its key and value bytes exactly as they were (the consumer's {@code dlq.*} headers dropped, a
 * {@link Headers#REPLAYED_FROM} header added), once. The letter is claimed in {@code dlq_replay} and published inside
 * that transaction, which commits only after the broker has the record: a letter is never recorded as replayed
 * without being published. If the commit fails after the broker took it, a second replay may publish it again;
 * consumers drop the copy by its event id.
 */
@ApplicationScoped
public class DeadLetterReplays {

    private static final Logger LOG = Logger.getLogger(DeadLetterReplays.class);
    static final int MAX_LETTERS = 100;
    private static final long SEND_TIMEOUT_MS = 10_000;

    private final DeadLetterReader reader;
    private final ReplayStore store;
    private final Transactions transactions;
    private final LazyProducer producer;

    public DeadLetterReplays(DeadLetterReader reader, ReplayStore store, Transactions transactions,
            KafkaClientFactory clients) {
        this.reader = reader;
        this.store = store;
        this.transactions = transactions;
        this.producer = new LazyProducer(() -> clients.producer("dlq-replay"));
    }

    /** A dead letter chosen for a replay, by its place in the dead-letter topic. */
    public record LetterRef(Integer partition, Long offset) {
    }

    /** What happened to one chosen letter. */
    public enum Outcome { REPLAYED, ALREADY_REPLAYED, NOT_FOUND }

    /** The result for one letter: for a replay now or before, when, by whom and to which topic. */
    public record LetterResult(int partition, long offset, Outcome outcome, String targetTopic, String eventId,
                               Instant replayedAt, String replayedBy) {
    }

    /** The dead-letter topics of the catalogue. */
    public static List<TopicSpec> deadLetterTopics() {
        return Topics.all().stream().filter(TopicSpec::isDeadLetter).toList();
    }

    /** The catalogue entry of a dead-letter topic, or 404. */
    public static TopicSpec deadLetterTopic(String name) {
        return Topics.byName(name).filter(TopicSpec::isDeadLetter).orElseThrow(() -> ProblemException.notFound(
                "no dead-letter topic '" + name + "' (they are " + deadLetterTopics().stream().map(TopicSpec::name)
                        .toList() + ")"));
    }

    public List<DeadLetterReader.PartitionRange> ranges(String topic) {
        return reader.ranges(deadLetterTopic(topic).name());
    }

    /** A page of letters, each with its replay when it was replayed. */
    public List<DeadLetter> browse(String topic, Integer partition, Long from, int limit) {
        TopicSpec spec = deadLetterTopic(topic);
        List<DeadLetter> letters = reader.browse(spec.name(), partition, from, limit);
        if (letters.isEmpty()) {
            return letters;
        }
        long min = letters.stream().mapToLong(DeadLetter::offset).min().orElseThrow();
        long max = letters.stream().mapToLong(DeadLetter::offset).max().orElseThrow();
        Map<DeadLetterReader.Place, ReplayStore.Replay> replays = new HashMap<>();
        for (ReplayStore.Replay r : store.inRange(transactions.reads(), spec.name(), min, max)) {
            replays.put(new DeadLetterReader.Place(r.partition(), r.offset()), r);
        }
        return letters.stream().map(l -> {
            ReplayStore.Replay r = replays.get(new DeadLetterReader.Place(l.partition(), l.offset()));
            return r == null ? l : l.withReplay(r.replayedAt(), r.replayedBy());
        }).toList();
    }

    /**
     * Replays the chosen letters, in the order given; each at most once ever.
     *
     * @throws ProblemException 400 naming the field for a bad list, 503 when the broker does not take a record (the
     *     letters before it are replayed and say so in a later call; that one is not recorded)
     */
    public List<LetterResult> replay(String topic, List<LetterRef> refs, String by) {
        TopicSpec spec = deadLetterTopic(topic);
        validate(spec, refs);
        String target = spec.name().substring(0, spec.name().length() - Topics.DLQ_SUFFIX.length());
        Map<DeadLetterReader.Place, ReplayStore.Replay> before = new HashMap<>();
        List<DeadLetterReader.Place> places = refs.stream()
                .map(r -> new DeadLetterReader.Place(r.partition(), r.offset())).toList();
        for (DeadLetterReader.Place place : places) {
            store.find(transactions.reads(), spec.name(), place.partition(), place.offset())
                    .ifPresent(r -> before.put(place, r));
        }
        Map<DeadLetterReader.Place, ConsumerRecord<String, byte[]>> letters = reader.at(spec.name(),
                places.stream().filter(p -> !before.containsKey(p)).toList());
        List<LetterResult> results = new ArrayList<>();
        for (DeadLetterReader.Place place : places) {
            ReplayStore.Replay earlier = before.get(place);
            ConsumerRecord<String, byte[]> letter = letters.get(place);
            if (earlier != null) {
                results.add(already(earlier));
            } else if (letter == null) {
                results.add(new LetterResult(place.partition(), place.offset(), Outcome.NOT_FOUND, null, null, null,
                        null));
            } else {
                results.add(replayOne(spec.name(), target, letter, by));
            }
        }
        return results;
    }

    /** The latest replays, newest first. */
    public List<ReplayStore.Replay> latest(String topic, int limit) {
        return store.latest(transactions.reads(), topic == null ? null : deadLetterTopic(topic).name(), limit);
    }

    private LetterResult replayOne(String dlq, String target, ConsumerRecord<String, byte[]> letter, String by) {
        int partition = letter.partition();
        long offset = letter.offset();
        String eventId = reader.letter(letter).eventId();
        ReplayStore.Replay replay = new ReplayStore.Replay(dlq, partition, offset, target, letter.key(), eventId,
                Instant.now().truncatedTo(ChronoUnit.MICROS), by);
        boolean published = transactions.run(uow -> {
            if (!store.claim(uow, replay)) {
                return false;
            }
            send(target, letter, dlq);
            return true;
        });
        if (!published) {
            return already(store.find(transactions.reads(), dlq, partition, offset).orElseThrow());
        }
        LOG.infof("replayed %s-%d@%d (event %s) to %s for %s", dlq, partition, offset, eventId, target, by);
        return new LetterResult(partition, offset, Outcome.REPLAYED, target, eventId, replay.replayedAt(), by);
    }

    private void send(String target, ConsumerRecord<String, byte[]> letter, String dlq) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(target, letter.key(), letter.value());
        for (Header h : letter.headers()) {
            if (!h.key().startsWith(Headers.DLQ_PREFIX)) {
                record.headers().add(h);
            }
        }
        record.headers().add(Headers.REPLAYED_FROM, (dlq + "-" + letter.partition() + "@" + letter.offset())
                .getBytes(StandardCharsets.UTF_8));
        try {
            producer.get().send(record).get(SEND_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ProblemException(503, "Service Unavailable", "Kafka did not take the replayed record for "
                    + target + ": " + (e.getCause() == null ? e : e.getCause()).getMessage(), List.of());
        }
    }

    private static LetterResult already(ReplayStore.Replay r) {
        return new LetterResult(r.partition(), r.offset(), Outcome.ALREADY_REPLAYED, r.targetTopic(), r.eventId(),
                r.replayedAt(), r.replayedBy());
    }

    private static void validate(TopicSpec spec, List<LetterRef> refs) {
        if (refs == null || refs.isEmpty() || refs.size() > MAX_LETTERS) {
            throw ProblemException.badField("letters", "must list 1 to " + MAX_LETTERS + " letters");
        }
        for (int i = 0; i < refs.size(); i++) {
            LetterRef ref = refs.get(i);
            if (ref == null) {
                throw ProblemException.badField("letters[" + i + "]", "is required");
            }
            if (ref.partition() == null || ref.partition() < 0 || ref.partition() >= spec.partitions()) {
                throw ProblemException.badField("letters[" + i + "].partition", "must be from 0 to "
                        + (spec.partitions() - 1));
            }
            if (ref.offset() == null || ref.offset() < 0) {
                throw ProblemException.badField("letters[" + i + "].offset", "must be 0 or more");
            }
        }
        if (refs.stream().map(r -> r.partition() + "@" + r.offset()).distinct().count() != refs.size()) {
            throw ProblemException.badField("letters", "must not name a letter twice");
        }
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}

package io.tideline.messaging.consumer;

import io.tideline.events.EventDecodingException;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.Topics;
import io.tideline.messaging.Backoff;
import io.tideline.messaging.MessagingConfig;
import io.tideline.messaging.kafka.KafkaClientFactory;
import io.tideline.messaging.tx.DatabaseUnavailableException;
import io.tideline.messaging.tx.Transactions;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.clients.consumer.RetriableCommitFailedException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * The poll loop of one {@link EventHandler}: decode, apply in one transaction per poll, commit offsets after, without
 * waiting for the broker's answer (the next poll overlaps it; a commit that fails while the broker is away is made
 * again at an idle poll, {@link OffsetCommits}; until it lands a restart would deliver those records again, and their
 * claims in {@code processed_event} would drop them; closing the consumer waits for the commits in flight, up to its
 * timeout). A batch that fails is retried; if it keeps failing its records are applied one by one so that only the
 * poison one goes to the dead-letter topic. While the database is unreachable nothing is dead-lettered: the loop
 * rewinds and waits.
 */
final class EventConsumerRunner implements Runnable {

    private static final Logger LOG = Logger.getLogger(EventConsumerRunner.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();

    private final EventHandler handler;
    private final String groupId;
    private final MessagingConfig.Consumer config;
    private final Duration cleanupEvery;
    private final KafkaClientFactory clients;
    private final TransactionalApplier applier;
    private final DeadLetterPublisher deadLetters;
    private final ParkedKeys parked;
    private final Transactions transactions;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();


    private volatile boolean running = true;
    private Instant lastCleanup = Instant.EPOCH;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile ConsumerStatus status;

    EventConsumerRunner(EventHandler handler, String groupId, MessagingConfig.Consumer config, Duration cleanupEvery,
                        KafkaClientFactory clients, TransactionalApplier applier, DeadLetterPublisher deadLetters,
                        ParkedKeys parked, Transactions transactions) {
        this.handler = handler;
        this.groupId = groupId;
        this.config = config;
        this.cleanupEvery = cleanupEvery;
        this.clients = clients;
        this.applier = applier;
        this.deadLetters = deadLetters;
        this.parked = parked;
        this.transactions = transactions;
        this.status = status("STARTING", null);
    }

    ConsumerStatus status() {
        return status;
    }

    void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    /**
     * Consumes until stopped. A failure of the Kafka consumer itself (a poll that throws: a fenced or closed consumer,
     * an unexpected error) or in a handler beyond its retries ends only the current Kafka consumer: it is closed, the
     * loop backs off and subscribes again, and the records not committed are delivered again (the handler's
     * idempotence drops those already applied). A failed or refused offset commit does not: a failed one is made again
     * at an idle poll, and a consumer the group went on without rejoins at its next poll. The thread ends only when
     * stopped.
     */
    @Override
    public void run() {
        Backoff outage = new Backoff(config.initialBackoff(), config.maxBackoff());
        try {
            while (running) {
                try (KafkaConsumer<String, byte[]> kafka = clients.consumer(groupId, config.maxPollRecords())) {
                    consumer = kafka;
                    OffsetCommits commits = new OffsetCommits(); // this Kafka consumer's
                    kafka.subscribe(handler.topics(), new OwedOffsetsDropped(commits));
                    status = status("RUNNING", null);
                    pollUntilStopped(kafka, commits, outage);
                } catch (WakeupException e) {
                    if (!running) {
                        break;
                    }
                    recovering(e, outage);
                } catch (RuntimeException | Error e) {
                    if (!running) {
                        break;
                    }
                    recovering(e, outage);
                } finally {
                    consumer = null;
                }
            }
            status = status("STOPPED", null);
        } finally {
            if (running) {
                status = status("DEAD", "the consumer thread ended unexpectedly");
            }
        }
    }

    private void pollUntilStopped(KafkaConsumer<String, byte[]> kafka, OffsetCommits commits, Backoff outage) {
        OffsetCommitCallback answered = (offsets, failure) -> offsetsCommitted(commits, offsets, failure);
        while (running) {
            ConsumerRecords<String, byte[]> records = kafka.poll(POLL);
            forgetOldClaimsIfDue(); // idle or not
            if (records.isEmpty()) {
                Map<TopicPartition, OffsetAndMetadata> owed = commits.owedWhenIdle(kafka.assignment());
                if (!owed.isEmpty()) { // a commit failed while the broker was away: those records are applied
                    commits.sent();
                    kafka.commitAsync(owed, answered);
                }
                continue;
            }
            try {
                process(records);
                commits.sent();
                kafka.commitAsync(answered);
                outage.reset();
                status = status("RUNNING", null);
            } catch (OutageException e) {
                status = status("BLOCKED", e.getMessage());
                LOG.warnf("%s: %s; retrying in %d ms", groupId, e.getMessage(), outage.current().toMillis());
                rewind(kafka, records);
                running = outage.pause() && running;
            }
        }
    }

    /** Logs when offsets become owed (a commit failed while the broker was away) and when they are committed. */
    private void offsetsCommitted(OffsetCommits commits, Map<TopicPartition, OffsetAndMetadata> offsets,
            Exception failure) {
        boolean changed = commits.answered(offsets, failure);
        if (failure != null && !(failure instanceof RetriableCommitFailedException)) {
            LOG.warnf("%s: committing offsets %s was refused (%s); the group's next owner of those partitions gets the"
                    + " records again and drops them as applied", groupId, offsets, failure.getMessage());
        } else if (changed && failure != null) {
            LOG.warnf("%s: committing offsets %s failed (%s); committing them again at the next idle poll", groupId,
                    offsets, failure.getMessage());
        } else if (changed) {
            LOG.infof("%s: the offsets owed are committed", groupId);
        }
    }

    /** Deletes this handler's processed-event claims older than the retention, once per cleanup interval. */
    private void forgetOldClaimsIfDue() {
        Instant now = Instant.now();
        if (Duration.between(lastCleanup, now).compareTo(cleanupEvery) < 0) {
            return;
        }
        lastCleanup = now;
        int deleted;
        try {
            deleted = transactions.reads().exec("delete from processed_event where consumer = $1"
                    + " and processed_at < now() - make_interval(secs => $2)", handler.name(),
                    (double) config.processedRetention().toSeconds());
        } catch (RuntimeException e) { // the next interval tries again; the records are what matters now
            LOG.warnf("%s: could not forget old applied event ids: %s", groupId, e.getMessage());
            return;
        }
        if (deleted > 0) {
            LOG.infof("%s: forgot %d applied event ids older than %s", groupId, deleted, config.processedRetention());
        }
    }

    private void recovering(Throwable e, Backoff outage) {
        status = status("RECOVERING", e.getClass().getSimpleName() + ": " + e.getMessage());
        LOG.warnf(e, "%s: the Kafka consumer failed (%s); recreating it in %d ms", groupId, e.getMessage(),
                outage.current().toMillis());
        running = outage.pause() && running;
    }

    private void process(ConsumerRecords<String, byte[]> records) {
        List<ParkedKeys.ParkedRecord> accepted = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                deadLetter(record, "empty record value", null, 1);
                continue;
            }
            EventEnvelope<?> event;
            try {
                event = CODEC.decode(record.value());
            } catch (EventDecodingException e) {
                deadLetter(record, "undecodable: " + e.getMessage(), e, 1);
                continue;
            }
            Optional<String> refusal = Topics.sourceRefusal(record.topic(), event.source());
            if (refusal.isPresent()) {
                deadLetter(record, refusal.get(), null, 1);
                continue;
            }
            if (handler.wants(event)) {
                accepted.add(new ParkedKeys.ParkedRecord(event, record.topic(), record.partition(), record.offset()));
            }
        }
        if (accepted.isEmpty()) {
            return;
        }
        if (applyWithRetries(() -> applier.apply(handler, accepted)) == null) {
            return;
        }
        // The batch keeps failing while the database answers: find the poison record(s), record by record, each
        // claimed or kept behind its parked key as the batch was. A poison record is dead-lettered and parks its key,
        // so that the key's later records, here and in later polls, are kept behind it. A record whose key was parked
        // already only needs keeping: if even that fails, it is no poison, and the loop waits as in an outage.
        Set<String> parkedKeys = new HashSet<>(parkedAmong(accepted));
        for (ParkedKeys.ParkedRecord record : accepted) {
            String key = record.event().key();
            Exception failure = applyWithRetries(() -> applier.apply(handler, List.of(record)));
            if (failure == null) {
                continue;
            }
            if (parkedKeys.contains(key)) {
                throw new OutageException("cannot keep a record of the parked key " + key + ": "
                        + failure.getMessage(), failure);
            }
            String reason = "processing failed after " + config.maxAttempts() + " attempts: " + failure.getMessage();
            deadLetter(consumerRecord(records, record), reason, failure, config.maxAttempts());
            park(record, reason);
            parkedKeys.add(key);
        }
    }

    private Set<String> parkedAmong(List<ParkedKeys.ParkedRecord> accepted) {
        try {
            return parked.parkedAmong(transactions.reads(), handler.name(),
                    accepted.stream().map(r -> r.event().key()).distinct().toList());
        } catch (RuntimeException e) {
            throw new OutageException("cannot read the parked keys: " + e.getMessage(), e);
        }
    }

    private void park(ParkedKeys.ParkedRecord record, String reason) {
        try {
            transactions.execute(uow -> parked.park(uow, handler.name(), record, reason));
            LOG.warnf("%s: key %s parked behind event %s (%s); later records of it wait for a re-drive", groupId,
                    record.event().key(), record.event().eventId(), record.event().type());
        } catch (RuntimeException e) {
            throw new OutageException("cannot park the key " + record.event().key() + ": " + e.getMessage(), e);
        }
    }

    private static ConsumerRecord<String, byte[]> consumerRecord(ConsumerRecords<String, byte[]> records,
            ParkedKeys.ParkedRecord parkedRecord) {
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.topic().equals(parkedRecord.topic()) && record.partition() == parkedRecord.partition()
                    && record.offset() == parkedRecord.offset()) {
                return record;
            }
        }
        throw new IllegalStateException("record " + parkedRecord.topic() + "-" + parkedRecord.partition() + "@"
                + parkedRecord.offset() + " is not in the batch");
    }

    /**
     * Runs one application (a unit of work that returns how many envelopes it applied) until it succeeds or the
     * attempts are used up.
     *
     * @return null when applied, else the last failure after all attempts
     */
    private Exception applyWithRetries(IntSupplier application) {
        Backoff retry = new Backoff(config.initialBackoff(), config.maxBackoff());
        Exception last = null;
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            try {
                applied.addAndGet(application.getAsInt());
                return null;
            } catch (RuntimeException e) {
                last = e;
                if (e instanceof DatabaseUnavailableException) { // Transactions asked the database already
                    throw new OutageException("database unreachable: " + e.getMessage(), e);
                }
                if (attempt < config.maxAttempts()) {
                    LOG.debugf(e, "%s: attempt %d of %d failed", groupId, attempt, config.maxAttempts());
                    running = retry.pause() && running;
                }
            }
        }
        return last;
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason, Throwable error, int attempts) {
        try {
            deadLetters.send(record, groupId, reason, error, attempts);
            deadLettered.incrementAndGet();
        } catch (RuntimeException e) {
            throw new OutageException("cannot dead-letter: " + e.getMessage(), e);
        }
    }

    /** Seeks every partition of the batch back to its first record, so nothing is skipped after an outage. */
    private static void rewind(KafkaConsumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> inPartition = records.records(partition);
            kafka.seek(partition, inPartition.get(0).offset());
        }
    }



    private ConsumerStatus status(String state, String error) {
        return new ConsumerStatus(groupId, state, error, applied.get(), deadLettered.get(), Instant.now());
    }

    /** Drops the owed offsets of partitions a rebalance takes away (runs on the consumer thread, inside poll). */
    private record OwedOffsetsDropped(OffsetCommits commits) implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commits.revoked(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            commits.revoked(partitions);
        }
    }
}

package io.tideline.gateway.stream;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tideline.messaging.kafka.KafkaClientFactory;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The stream's one Kafka input: a plain Kafka consumer on a daemon thread of its own that is assigned every partition
 * of the streamed topics ({@link StreamTopics#READ}) by hand, outside any consumer group, and commits nothing. Each
 * gateway instance so reads everything; it starts from the end of every partition (a restart starts again from now)
 * and hands each poll, in order, to the {@link LiveStream}.
 * <p>
 * No group means no rebalance: when the broker goes away and comes back, the consumer reconnects by itself and goes on
 * from the positions it holds (with SmallRye's channel, the group was revoked at a broker restart and never assigned
 * again: docs/adr/0005). The topics' partitions are read again every {@code partition-refresh}; a partition that
 * appears later is read from its beginning. A failing poll is logged (at most once per {@link #LOG_EVERY}) and retried
 * after a pause.
 */
@ApplicationScoped
public class StreamFeed {

    private static final Logger LOG = Logger.getLogger(StreamFeed.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(2);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);
    static final Duration LOG_EVERY = Duration.ofSeconds(30);

    private final LiveStream stream;
    private final KafkaClientFactory clients;
    private final StreamConfig config;
    private final List<String> topics = StreamTopics.READ;
    /** Touched by the feed's thread only. */
    private final Set<TopicPartition> assigned = new HashSet<>();
    private final Set<String> topicsFound = new HashSet<>();
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;
    private long failures;
    private long lastFailureLoggedNanos;

    public StreamFeed(LiveStream stream, KafkaClientFactory clients, StreamConfig config) {
        this.stream = stream;
        this.clients = clients;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        consumer = clients.follower("stream", config.maxPollRecords());
        thread = new Thread(this::run, "gateway-stream-feed");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("live stream: reading %s by assignment from their end (no consumer group)", topics);
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    @PreDestroy
    synchronized void stop() {
        if (thread == null) {
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    private void run() {
        KafkaConsumer<String, byte[]> kafka = consumer;
        long nextRefresh = System.nanoTime();
        try {
            while (running) {
                try {
                    if (System.nanoTime() - nextRefresh >= 0) {
                        refreshAssignment(kafka);
                        nextRefresh = System.nanoTime() + config.partitionRefresh().toNanos();
                    }
                    if (assigned.isEmpty()) {
                        // the broker has not told the partitions yet: ask again soon
                        nextRefresh = Math.min(nextRefresh, System.nanoTime() + PAUSE_AFTER_FAILURE.toNanos());
                        pause(PAUSE_AFTER_FAILURE);
                        continue;
                    }
                    ConsumerRecords<String, byte[]> records = kafka.poll(POLL);
                    if (!records.isEmpty()) {
                        stream.publish(records);
                    }
                    recovered();
                } catch (WakeupException e) {
                    // stop() woke the poll up: the loop ends if the feed is stopping
                } catch (RuntimeException e) {
                    failed(e);
                    pause(PAUSE_AFTER_FAILURE);
                }
            }
        } finally {
            kafka.close(Duration.ofSeconds(5));
            LOG.info("live stream: stopped reading Kafka");
        }
    }

    /**
     * Assigns every partition of the streamed topics that is not assigned yet: from the end for a topic read for the
     * first time, from the beginning for a partition added to a topic already read (nothing in it was streamed).
     */
    private void refreshAssignment(KafkaConsumer<String, byte[]> kafka) {
        List<TopicPartition> fromEnd = new ArrayList<>();
        List<TopicPartition> fromBeginning = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> partitions = kafka.partitionsFor(topic, METADATA_TIMEOUT);
            if (partitions == null || partitions.isEmpty()) {
                continue;
            }
            boolean known = topicsFound.contains(topic);
            for (PartitionInfo p : partitions) {
                TopicPartition tp = new TopicPartition(topic, p.partition());
                if (!assigned.contains(tp)) {
                    (known ? fromBeginning : fromEnd).add(tp);
                }
            }
            topicsFound.add(topic);
        }
        if (fromEnd.isEmpty() && fromBeginning.isEmpty()) {
            return;
        }
        Set<TopicPartition> all = new HashSet<>(assigned);
        all.addAll(fromEnd);
        all.addAll(fromBeginning);
        kafka.assign(all);
        if (!fromEnd.isEmpty()) {
            kafka.seekToEnd(fromEnd);
        }
        if (!fromBeginning.isEmpty()) {
            kafka.seekToBeginning(fromBeginning);
            LOG.infof("live stream: reading new partitions %s from their beginning", fromBeginning);
        }
        assigned.addAll(all);
        LOG.infof("live stream: assigned %d partitions of %d topics", assigned.size(), topicsFound.size());
    }

    private void failed(RuntimeException e) {
        failures++;
        long now = System.nanoTime();
        if (failures == 1 || now - lastFailureLoggedNanos >= LOG_EVERY.toNanos()) {
            lastFailureLoggedNanos = now;
            LOG.warnf("live stream: reading Kafka failed (%d times since the last success), retrying every %d s: %s",
                    failures, PAUSE_AFTER_FAILURE.toSeconds(), e.toString());
        }
    }

    private void recovered() {
        if (failures > 0) {
            LOG.infof("live stream: reading Kafka again after %d failed attempts", failures);
            failures = 0;
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}

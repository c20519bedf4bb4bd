package io.tideline.messaging.consumer;

import io.tideline.events.Topics;
import io.tideline.messaging.kafka.Headers;
import io.tideline.messaging.kafka.KafkaClientFactory;
import io.tideline.messaging.kafka.LazyProducer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Moves a record that cannot be decoded or applied to {@code <topic>.dlq}: the original key and bytes, plus headers
 * with the reason, the error and a stack summary, and where it came from. Returns only once the broker has it, so
 * the source offset can be committed without losing the record.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class);
    private static final int STACK_FRAMES = 8;

    private final LazyProducer producer;

    public DeadLetterPublisher(KafkaClientFactory clients) {
        this.producer = new LazyProducer(() -> clients.producer("dead-letter"));
    }

    public void send(ConsumerRecord<String, byte[]> record, String consumer, String reason, Throwable error,
                     int attempts) {
        String topic = Topics.deadLetterOf(record.topic());
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(topic, record.key(), record.value());
        record.headers().forEach(h -> letter.headers().add(h));
        header(letter, Headers.DLQ_REASON, reason);
        header(letter, Headers.DLQ_ERROR, error == null ? null : error.getClass().getName() + ": " + error.getMessage());
        header(letter, Headers.DLQ_STACK, error == null ? null : stackSummary(error));
        header(letter, Headers.DLQ_CONSUMER, consumer);
        header(letter, Headers.DLQ_ATTEMPTS, Integer.toString(attempts));
        header(letter, Headers.DLQ_SOURCE_TOPIC, record.topic());
        header(letter, Headers.DLQ_SOURCE_PARTITION, Integer.toString(record.partition()));
        header(letter, Headers.DLQ_SOURCE_OFFSET, Long.toString(record.offset()));
        header(letter, Headers.DLQ_FAILED_AT, Instant.now().toString());
        try {
            producer.get().send(letter).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not write to " + topic + ": " + e.getCause().getMessage(), e);
        }
        LOG.warnf("dead-lettered %s-%d@%d for %s: %s", record.topic(), record.partition(), record.offset(),
                consumer, reason);
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        if (value != null) {
            record.headers().remove(name);
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    static String stackSummary(Throwable error) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!out.isEmpty()) {
                out.append("\ncaused by ");
            }
            out.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
            out.append(Arrays.stream(t.getStackTrace()).limit(STACK_FRAMES)
                    .map(f -> "  at " + f).collect(Collectors.joining("\n")));
        }
        return out.toString();
    }


    @PreDestroy
    void close() {
        producer.close();
    }
}

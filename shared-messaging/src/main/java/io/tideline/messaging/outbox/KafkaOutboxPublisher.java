package io.tideline.messaging.outbox;

import io.tideline.messaging.kafka.KafkaClientFactory;
import io.tideline.messaging.kafka.LazyProducer;
import io.tideline.messaging.kafka.Headers;
import io.tideline.messaging.lineage.Correlation;
import io.quarkus.arc.DefaultBean;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Publishes outbox rows with an idempotent Kafka producer, keyed by the event key so each key keeps its order.
 */
@ApplicationScoped
@DefaultBean
public class KafkaOutboxPublisher implements OutboxPublisher {

    private final LazyProducer producer;

    public KafkaOutboxPublisher(KafkaClientFactory clients) {
        this.producer = new LazyProducer(() -> clients.producer("outbox-relay"));
    }

    @Override
    public Sending send(List<PendingEvent> batch) {
        KafkaProducer<String, byte[]> out = producer.get();
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        try {
            for (PendingEvent event : batch) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.key(), event.envelope());
                record.headers().add(Headers.EVENT_ID, event.eventId().toString().getBytes(StandardCharsets.UTF_8));
                record.headers().add(Headers.EVENT_TYPE, event.type().getBytes(StandardCharsets.UTF_8));
                String correlation = event.correlationId() != null ? event.correlationId() : event.eventId().toString();
                record.headers().add(Headers.CORRELATION_ID, correlation.getBytes(StandardCharsets.UTF_8));
                record.headers().add(Headers.TRACEPARENT,
                        Correlation.traceparent(correlation, event.eventId()).getBytes(StandardCharsets.UTF_8));
                acks.add(out.send(record));
            }
        } catch (RuntimeException e) {
            // send() itself failed (metadata not available in max.block.ms, producer closed): what was handed
            // over before is still judged by its acknowledgement.
            return () -> confirmedPrefix(acks, e);
        }
        // No flush: the records leave within linger.ms while the relay reads the next batch; flush() would also
        // wait for the batches handed over after this one.
        return () -> confirmedPrefix(acks, null);
    }

    private static PublishResult confirmedPrefix(List<Future<RecordMetadata>> acks, Exception sendFailure) {
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get();
            } catch (ExecutionException e) {
                return new PublishResult(i, e.getCause() instanceof Exception c ? c : e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new PublishResult(i, e);
            }
        }
        return sendFailure == null ? PublishResult.all(acks.size()) : new PublishResult(acks.size(), sendFailure);
    }


    @PreDestroy
    void close() {
        producer.close();
    }
}

package io.tideline.settlement.flow;

import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.EventPayload;
import io.tideline.messaging.kafka.Headers;
import io.tideline.testing.KafkaTestClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** Reads settlement's events back from Kafka, as the analytics and alerting consumers would. */
public final class SettlementEventsOnKafka {

    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();

    private final KafkaTestClient kafka;

    public SettlementEventsOnKafka(KafkaTestClient kafka) {
        this.kafka = kafka;
    }

    /** An event as a consumer receives it: the envelope, and the correlation id in the record's headers. */
    public record Delivered<T extends EventPayload>(EventEnvelope<T> envelope, String correlationHeader) {
    }

    /** The events of a type on a topic whose payload matches, waiting until {@code expected} are there. */
    @SuppressWarnings("unchecked")
    public <T extends EventPayload> List<Delivered<T>> delivered(String topic, Class<T> type, Predicate<T> match,
            int expected, Duration wait) {
        return kafka.read(topic, r -> {
            EventEnvelope<?> e = CODEC.decode(r.value());
            return type.isInstance(e.payload()) && match.test(type.cast(e.payload()));
        }, expected, wait).stream().map(r -> {
            var header = r.headers().lastHeader(Headers.CORRELATION_ID);
            return new Delivered<>((EventEnvelope<T>) CODEC.decode(r.value()),
                    header == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }).toList();
    }

    /** The payloads of a type on a topic that match, waiting until {@code expected} are there or the wait passes. */
    public <T extends EventPayload> List<T> read(String topic, Class<T> type, Predicate<T> match, int expected,
            Duration wait) {
        return kafka.read(topic, r -> {
            EventEnvelope<?> e = CODEC.decode(r.value());
            return type.isInstance(e.payload()) && match.test(type.cast(e.payload()));
        }, expected, wait).stream().map(r -> type.cast(CODEC.decode(r.value()).payload())).toList();
    }
}

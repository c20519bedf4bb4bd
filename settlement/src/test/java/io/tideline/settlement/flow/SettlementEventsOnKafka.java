package io.tideline.settlement.flow;

import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.EventPayload;
import io.tideline.testing.KafkaTestClient;
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

    /** The payloads of a type on a topic that match, waiting until {@code expected} are there or the wait passes. */
    public <T extends EventPayload> List<T> read(String topic, Class<T> type, Predicate<T> match, int expected,
            Duration wait) {
        return kafka.read(topic, r -> {
            EventEnvelope<?> e = CODEC.decode(r.value());
            return type.isInstance(e.payload()) && match.test(type.cast(e.payload()));
        }, expected, wait).stream().map(r -> type.cast(CODEC.decode(r.value()).payload())).toList();
    }
}

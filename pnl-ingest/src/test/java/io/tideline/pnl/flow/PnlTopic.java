package io.tideline.pnl.flow;

import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.EventPayload;
import io.tideline.events.Topics;
import io.tideline.testing.KafkaTestClient;
import io.tideline.testing.TestKafka;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads pnl-ingest's events back from {@code pnl.executions} on the real broker. */
public final class PnlTopic {

    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();
    private static final KafkaTestClient KAFKA = new KafkaTestClient(TestKafka.bootstrapServers());

    private PnlTopic() {
    }

    /** Waits for {@code expected} events of the type matching the predicate (returns what it found by the timeout). */
    public static <T extends EventPayload> List<T> read(Class<T> type, Predicate<T> match, int expected,
            Duration timeout) {
        return envelopes(type, match, expected, timeout).stream().map(e -> type.cast(e.payload())).toList();
    }

    /** The Kafka records themselves (for their headers), decoded with {@link #decode}. */
    public static <T extends EventPayload> List<ConsumerRecord<String, byte[]>> records(Class<T> type,
            Predicate<T> match, int expected, Duration timeout) {
        return KAFKA.read(Topics.PNL_EXECUTIONS.name(), r -> {
            EventEnvelope<?> e = CODEC.decode(r.value());
            return type.isInstance(e.payload()) && match.test(type.cast(e.payload()));
        }, expected, timeout);
    }

    public static EventEnvelope<?> decode(ConsumerRecord<String, byte[]> record) {
        return CODEC.decode(record.value());
    }

    public static <T extends EventPayload> List<EventEnvelope<?>> envelopes(Class<T> type, Predicate<T> match,
            int expected, Duration timeout) {
        return KAFKA.read(Topics.PNL_EXECUTIONS.name(), r -> {
            EventEnvelope<?> e = CODEC.decode(r.value());
            return type.isInstance(e.payload()) && match.test(type.cast(e.payload()));
        }, expected, timeout).stream().<EventEnvelope<?>>map(r -> CODEC.decode(r.value())).toList();
    }
}

package io.tideline.lp.chain;

import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.EventPayload;
import io.tideline.events.Topics;
import io.tideline.testing.KafkaTestClient;
import io.tideline.testing.TestKafka;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** The events lp-tracker published to Kafka, read from the beginning of their topic, for tests on the chain. */
final class LpEvents implements AutoCloseable {

    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();

    private final KafkaTestClient kafka = new KafkaTestClient(TestKafka.bootstrapServers());

    /** Envelopes on {@code lp.positions} with this key whose payload is a {@code type} matching {@code match}. */
    <T extends EventPayload> List<EventEnvelope<T>> positions(String key, Class<T> type, Predicate<T> match,
            int expected, Duration timeout) {
        return read(Topics.LP_POSITIONS.name(), key, type, match, expected, timeout);
    }

    /** Envelopes on {@code market.prices} with this key (chainId:pool) matching {@code match}. */
    <T extends EventPayload> List<EventEnvelope<T>> prices(String key, Class<T> type, Predicate<T> match,
            int expected, Duration timeout) {
        return read(Topics.MARKET_PRICES.name(), key, type, match, expected, timeout);
    }

    @SuppressWarnings("unchecked")
    private <T extends EventPayload> List<EventEnvelope<T>> read(String topic, String key, Class<T> type,
            Predicate<T> match, int expected, Duration timeout) {
        return kafka.read(topic, r -> {
                    if (!key.equals(r.key())) {
                        return false;
                    }
                    Object payload = CODEC.decode(r.value()).payload();
                    return type.isInstance(payload) && match.test(type.cast(payload));
                }, expected, timeout).stream()
                .map(r -> (EventEnvelope<T>) CODEC.decode(r.value())).toList();
    }

    @Override
    public void close() {
        kafka.close();
    }
}

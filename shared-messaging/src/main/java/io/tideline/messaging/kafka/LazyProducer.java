package io.tideline.messaging.kafka;

import org.apache.kafka.clients.producer.KafkaProducer;

import java.util.function.Supplier;

/**
 * A Kafka producer created on first use (so a bean can be built while the broker is away) and closed with its owner.
 */
public final class LazyProducer implements AutoCloseable {

    private final Supplier<KafkaProducer<String, byte[]>> factory;
    private volatile KafkaProducer<String, byte[]> producer;

    public LazyProducer(Supplier<KafkaProducer<String, byte[]>> factory) {
        this.factory = factory;
    }

    public KafkaProducer<String, byte[]> get() {
        KafkaProducer<String, byte[]> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = factory.get();
                }
                current = producer;
            }
        }
        return current;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }
}

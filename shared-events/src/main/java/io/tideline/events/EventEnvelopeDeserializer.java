package io.tideline.events;

import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer for envelopes, reading with {@link EventEnvelopeCodec}; null bytes (a tombstone) stay null
 * and bad bytes throw {@link EventDecodingException}, so the record can go to the dead-letter topic.
 */
public final class EventEnvelopeDeserializer implements Deserializer<EventEnvelope<?>> {

    private final EventEnvelopeCodec codec;

    /** For Kafka's configuration by class name. */
    public EventEnvelopeDeserializer() {
        this(new EventEnvelopeCodec());
    }

    public EventEnvelopeDeserializer(EventEnvelopeCodec codec) {
        this.codec = RequiredFields.require(codec, "codec");
    }

    @Override
    public EventEnvelope<?> deserialize(String topic, byte[] data) {
        return data == null ? null : codec.decode(data);
    }
}

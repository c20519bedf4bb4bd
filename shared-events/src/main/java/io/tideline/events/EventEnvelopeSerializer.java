package io.tideline.events;

import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for envelopes, writing the JSON of {@link EventEnvelopeCodec}; a null value stays null. */
public final class EventEnvelopeSerializer implements Serializer<EventEnvelope<?>> {

    private final EventEnvelopeCodec codec;

    /** For Kafka's configuration by class name. */
    public EventEnvelopeSerializer() {
        this(new EventEnvelopeCodec());
    }

    public EventEnvelopeSerializer(EventEnvelopeCodec codec) {
        this.codec = RequiredFields.require(codec, "codec");
    }

    @Override
    public byte[] serialize(String topic, EventEnvelope<?> envelope) {
        return envelope == null ? null : codec.encode(envelope);
    }
}

package io.tideline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

class EventEnvelopeKafkaSerdeTest {

    private final Serializer<EventEnvelope<?>> serializer = new EventEnvelopeSerializer();
    private final Deserializer<EventEnvelope<?>> deserializer = new EventEnvelopeDeserializer();

    @Test
    void deserializerReadsWhatSerializerWrote() {
        EventEnvelope<EventPayload> sample = SampleEvents.envelope(EventType.HEDGE_FILLED).orElseThrow();

        byte[] bytes = serializer.serialize(Topics.PERP_HEDGES.name(), sample);

        assertThat(deserializer.deserialize(Topics.PERP_HEDGES.name(), bytes)).isEqualTo(sample);
    }

    @Test
    void nullEnvelopeIsSerializedAsNull() {
        assertThat(serializer.serialize("alerts", null)).isNull();
    }

    @Test
    void nullBytesAreDeserializedAsNull() {
        assertThat(deserializer.deserialize("alerts", null)).isNull();
    }

    @Test
    void deserializerRejectsBytesThatAreNotAnEnvelope() {
        byte[] garbage = "{\"type\":\"AlertRaised\"".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> deserializer.deserialize("alerts", garbage))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageStartingWith("malformed JSON: ");
    }

    @Test
    void serdesCanBeConfiguredByClassNameLikeKafkaDoes() throws ReflectiveOperationException {
        Object serializerByName = Class.forName(EventEnvelopeSerializer.class.getName())
                .getConstructor().newInstance();
        Object deserializerByName = Class.forName(EventEnvelopeDeserializer.class.getName())
                .getConstructor().newInstance();

        assertThat(serializerByName).isInstanceOf(Serializer.class);
        assertThat(deserializerByName).isInstanceOf(Deserializer.class);
    }
}

package io.tideline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tideline.events.lp.LpMinted;
import io.tideline.events.perp.HedgeFilled;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventEnvelopeCodecTest {

    private final EventEnvelopeCodec codec = new EventEnvelopeCodec();
    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void roundTripsEveryEventTypeExactly(EventType type) {
        EventEnvelope<EventPayload> sample = SampleEvents.envelope(type)
                .orElseThrow(() -> new AssertionError("SampleEvents has no sample of " + type));

        EventEnvelope<?> decoded = codec.decode(codec.encode(sample));

        assertThat(decoded).isEqualTo(sample);
        assertThat(decoded.payload()).isInstanceOf(type.payloadClass());
    }

    @Test
    void writesUint256AmountAsJsonStringAndReadsItBackUnchanged() {
        EventEnvelope<EventPayload> sample = SampleEvents.envelope(EventType.LP_FEES_COLLECTED).orElseThrow();

        byte[] wire = codec.encode(sample);

        assertThat(text(wire)).contains("\"1606938044258990275541962092341162602522202993782792835301376\"");
        assertThat(codec.decode(wire)).isEqualTo(sample);
    }

    @Test
    void writesDecimalsAsPlainStringsKeepingTheirScale() {
        String wire = text(codec.encode(SampleEvents.lpMinted()));

        assertThat(wire).contains("\"price\":\"0.000285632010000000\"");
    }

    @Test
    void writesInstantsAsIso8601() {
        String wire = text(codec.encode(SampleEvents.lpMinted()));

        assertThat(wire).contains("\"occurredAt\":\"2026-03-14T09:26:53.589793Z\"");
    }

    @Test
    void readsBigNumbersSentAsJsonNumbersWithoutLosingDigits() {
        byte[] wire = tamper(SampleEvents.lpMinted(), root -> {
            ObjectNode payload = (ObjectNode) root.get("payload");
            payload.put("amount0", new BigInteger("123456789012345678901234567890"));
            payload.put("price", new BigDecimal("0.10000000000000000000000000001"));
        });

        LpMinted minted = (LpMinted) codec.decode(wire).payload();

        assertThat(minted.amount0()).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(minted.price()).isEqualTo(new BigDecimal("0.10000000000000000000000000001"));
    }

    @Test
    void keepsTrailingZerosOfDecimalSentAsJsonNumber() {
        byte[] wire = tamper(SampleEvents.lpMinted(),
                root -> ((ObjectNode) root.get("payload")).put("price", new BigDecimal("1.50")));

        assertThat(((LpMinted) codec.decode(wire).payload()).price()).isEqualTo(new BigDecimal("1.50"));
    }

    @Test
    void rejectsTokenAmountWithAFraction() {
        byte[] wire = tamper(SampleEvents.lpMinted(),
                root -> ((ObjectNode) root.get("payload")).put("amount0", new BigDecimal("1.5")));

        assertThatThrownBy(() -> codec.decode(wire))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageStartingWith("LpMinted v1: invalid value for 'payload.amount0'");
    }

    @Test
    void ignoresUnknownFieldsAtTopLevelAndInPayload() {
        EventEnvelope<EventPayload> sample = SampleEvents.lpMinted();
        byte[] wire = tamper(sample, root -> {
            root.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
            ((ObjectNode) root.get("payload")).putObject("addedInALaterRelease").put("x", 1);
            ((ObjectNode) root.get("payload").get("position")).put("nickname", "main");
        });

        assertThat(codec.decode(wire)).isEqualTo(sample);
    }

    @Test
    void omitsAbsentOptionalFieldsAndReadsThemBackAsNull() {
        EventEnvelope<EventPayload> sample = EventEnvelope.of("lp-tracker", SampleEvents.POSITION.key(), null,
                SampleEvents.payload(EventType.LP_MINTED).orElseThrow());

        byte[] wire = codec.encode(sample);

        assertThat(text(wire)).doesNotContain("correlationId");
        assertThat(codec.decode(wire)).isEqualTo(sample);
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventId", "version", "occurredAt", "source", "key", "payload"})
    void rejectsEnvelopeWithoutRequiredField(String field) {
        byte[] wire = tamper(SampleEvents.lpMinted(), root -> root.remove(field));

        assertThatThrownBy(() -> codec.decode(wire))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("missing required field '" + field + "'");
    }

    @Test
    void rejectsEnvelopeWithoutType() {
        byte[] wire = tamper(SampleEvents.lpMinted(), root -> root.remove("type"));

        assertThatThrownBy(() -> codec.decode(wire))
                .isInstanceOf(EventDecodingException.class)
                .hasMessage("missing required field 'type'");
    }

    @Test
    void rejectsEnvelopeWithBlankSource() {
        byte[] wire = tamper(SampleEvents.lpMinted(), root -> root.put("source", " "));

        assertThatThrownBy(() -> codec.decode(wire))
                .hasMessage("LpMinted v1: missing required field 'source'");
    }

    @Test
    void rejectsPayloadWithoutRequiredField() {
        byte[] wire = tamper(SampleEvents.lpMinted(), root -> ((ObjectNode) root.get("payload")).remove("owner"));

        assertThatThrownBy(() -> codec.decode(wire))
                .isInstanceOf(EventDecodingException.class)
                .hasMessage("LpMinted v1: missing required field 'payload.owner'");
    }

    @Test
    void rejectsPayloadWithRequiredFieldSetToNull() {
        byte[] wire = tamper(SampleEvents.lpMinted(), root -> ((ObjectNode) root.get("payload")).putNull("amount1"));

        assertThatThrownBy(() -> codec.decode(wire))
                .hasMessage("LpMinted v1: missing required field 'payload.amount1'");
    }

    @Test
    void rejectsPayloadWithoutRequiredPrimitiveField() {
        byte[] wire = tamper(SampleEvents.lpMinted(), root -> ((ObjectNode) root.get("payload")).remove("fee"));

        assertThatThrownBy(() -> codec.decode(wire))
                .hasMessage("LpMinted v1: missing required field 'payload.fee'");
    }

    @Test
    void namesTheFullPathOfAMissingNestedField() {
        byte[] wire = tamper(SampleEvents.lpMinted(),
                root -> ((ObjectNode) root.get("payload").get("position")).remove("tokenId"));

        assertThatThrownBy(() -> codec.decode(wire))
                .hasMessage("LpMinted v1: missing required field 'payload.position.tokenId'");
    }

    @Test
    void namesTheFullPathOfAMissingNestedPrimitiveField() {
        byte[] wire = tamper(SampleEvents.lpMinted(),
                root -> ((ObjectNode) root.get("payload").get("token0")).remove("decimals"));

        assertThatThrownBy(() -> codec.decode(wire))
                .hasMessage("LpMinted v1: missing required field 'payload.token0.decimals'");
    }

    @Test
    void namesTheListIndexOfAMissingFieldInAListElement() {
        byte[] wire = tamper(SampleEvents.envelope(EventType.HEDGE_FILLED).orElseThrow(),
                root -> ((ObjectNode) root.get("payload").get("fills").get(1)).remove("tradeId"));

        assertThatThrownBy(() -> codec.decode(wire))
                .hasMessage("HedgeFilled v1: missing required field 'payload.fills[1].tradeId'");
    }

    @Test
    void namesTheListIndexOfANullListElement() {
        byte[] wire = tamper(SampleEvents.envelope(EventType.HEDGE_FILLED).orElseThrow(),
                root -> ((ArrayNode) root.get("payload").get("fills")).insertNull(0));

        assertThatThrownBy(() -> codec.decode(wire))
                .hasMessage("HedgeFilled v1: missing required field 'payload.fills[0]'");
    }

    @Test
    void rejectsPayloadFieldOfTheWrongShapeNamingIt() {
        byte[] wire = tamper(SampleEvents.lpMinted(),
                root -> ((ObjectNode) root.get("payload")).put("amount0", "12 USDC"));

        assertThatThrownBy(() -> codec.decode(wire))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageStartingWith("LpMinted v1: invalid value for 'payload.amount0': ");
    }

    @Test
    void rejectsUnknownEnumConstantNamingTheField() {
        byte[] wire = tamper(SampleEvents.envelope(EventType.HEDGE_FILLED).orElseThrow(),
                root -> ((ObjectNode) root.get("payload")).put("side", "HOLD"));

        assertThatThrownBy(() -> codec.decode(wire))
                .hasMessageStartingWith("HedgeFilled v1: invalid value for 'payload.side': ");
    }

    @Test
    void reportsAPayloadInvariantTheRecordRejects() {
        byte[] wire = tamper(SampleEvents.lpMinted(),
                root -> ((ObjectNode) root.get("payload")).put("tickLower", 200_000));

        assertThatThrownBy(() -> codec.decode(wire))
                .hasMessage("LpMinted v1: invalid value for 'payload': "
                        + "tickLower (200000) must be below tickUpper (196340)");
    }

    @Test
    void rejectsInvalidEventId() {
        byte[] wire = tamper(SampleEvents.lpMinted(), root -> root.put("eventId", "not-a-uuid"));

        assertThatThrownBy(() -> codec.decode(wire))
                .hasMessageStartingWith("LpMinted v1: invalid value for 'eventId': ");
    }

    @Test
    void rejectsUnknownEventTypeNamingIt() {
        byte[] wire = tamper(SampleEvents.lpMinted(), root -> root.put("type", "LpTeleported"));

        assertThatThrownBy(() -> codec.decode(wire))
                .isInstanceOf(EventDecodingException.class)
                .hasMessage("unknown event type 'LpTeleported'");
    }

    @Test
    void rejectsVersionNewerThanThisBuildReads() {
        byte[] wire = tamper(SampleEvents.lpMinted(), root -> root.put("version", 2));

        assertThatThrownBy(() -> codec.decode(wire))
                .isInstanceOf(EventDecodingException.class)
                .hasMessage("LpMinted v2 is newer than this build reads (v1); upgrade shared-events");
    }

    @Test
    void rejectsPayloadThatIsNotAnObject() {
        byte[] wire = tamper(SampleEvents.lpMinted(), root -> root.put("payload", "LpMinted"));

        assertThatThrownBy(() -> codec.decode(wire))
                .hasMessage("LpMinted v1: invalid value for 'payload': expected an object, got STRING");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "not json", "[1,2]", "\"LpMinted\"", "{\"type\":\"LpMinted\"} trailing"})
    void rejectsMalformedJson(String input) {
        assertThatThrownBy(() -> codec.decode(input.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageStartingWith("malformed JSON: ");
    }

    @Test
    void decodesWithAMapperConfiguredByEventJson() {
        EventEnvelopeCodec own = new EventEnvelopeCodec(EventJson.configure(new ObjectMapper()));
        EventEnvelope<EventPayload> sample = SampleEvents.envelope(EventType.HEDGE_FILLED).orElseThrow();

        assertThat(own.encode(sample)).isEqualTo(codec.encode(sample));
        assertThat(own.decode(codec.encode(sample))).isEqualTo(sample);
        assertThat(((HedgeFilled) own.decode(codec.encode(sample)).payload()).fills()).hasSize(2);
    }

    private byte[] tamper(EventEnvelope<?> envelope, Consumer<ObjectNode> change) {
        try {
            JsonNode root = json.readTree(codec.encode(envelope));
            change.accept((ObjectNode) root);
            return json.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String text(byte[] wire) {
        return new String(wire, StandardCharsets.UTF_8);
    }
}

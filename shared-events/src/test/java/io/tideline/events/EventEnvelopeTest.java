package io.tideline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.events.lp.LpMinted;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    private final EventPayload minted = SampleEvents.payload(EventType.LP_MINTED).orElseThrow();

    @Test
    void ofFillsIdTypeVersionAndMicrosecondTime() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);

        EventEnvelope<EventPayload> envelope = EventEnvelope.of("lp-tracker", "k", "c", minted);

        assertThat(envelope.eventId()).isNotNull();
        assertThat(envelope.type()).isEqualTo("LpMinted");
        assertThat(envelope.version()).isEqualTo(1);
        assertThat(envelope.eventType()).isEqualTo(EventType.LP_MINTED);
        assertThat(envelope.occurredAt()).isBetween(before, Instant.now());
        assertThat(envelope.occurredAt().getNano() % 1_000).isZero();
    }

    @Test
    void ofGivesEveryEventItsOwnId() {
        assertThat(EventEnvelope.of("s", "k", null, minted).eventId())
                .isNotEqualTo(EventEnvelope.of("s", "k", null, minted).eventId());
    }

    @Test
    void causedByInheritsTheCauseCorrelationId() {
        EventEnvelope<EventPayload> cause = EventEnvelope.of("lp-tracker", "k", "corr-7", minted);

        assertThat(EventEnvelope.causedBy(cause, "perp-hedger", "k", minted).correlationId()).isEqualTo("corr-7");
    }

    @Test
    void causedByCorrelatesWithTheCauseEventIdWhenTheCauseHasNoCorrelationId() {
        EventEnvelope<EventPayload> cause = EventEnvelope.of("lp-tracker", "k", null, minted);

        assertThat(EventEnvelope.causedBy(cause, "perp-hedger", "k", minted).correlationId())
                .isEqualTo(cause.eventId().toString());
    }

    @Test
    void rejectsTypeThatDoesNotMatchThePayload() {
        assertThatThrownBy(() -> new EventEnvelope<>(UUID.randomUUID(), "LpClosed", 1, Instant.now(), "s", "k", null,
                minted))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("type 'LpClosed' does not match the payload, a LpMinted");
    }

    @Test
    void rejectsVersionThisBuildDoesNotHave() {
        assertThatThrownBy(() -> new EventEnvelope<>(UUID.randomUUID(), "LpMinted", 2, Instant.now(), "s", "k", null,
                minted))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LpMinted is version 1 in this build, not 2");
    }

    @Test
    void rejectsMissingKeyNamingIt() {
        assertThatThrownBy(() -> EventEnvelope.of("lp-tracker", null, null, minted))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("missing required field 'key'");
    }

    @Test
    void rejectsMissingPayloadNamingIt() {
        assertThatThrownBy(() -> EventEnvelope.of("lp-tracker", "k", null, (LpMinted) null))
                .isInstanceOf(MissingRequiredFieldException.class)
                .hasMessage("missing required field 'payload'");
    }
}

package io.tideline.lp.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.events.EventEnvelope;
import io.tideline.events.EventPayload;
import io.tideline.events.lp.ChainRef;
import io.tideline.events.lp.LpFactRetracted;
import io.tideline.events.lp.LpRangeExited;
import io.tideline.events.lp.PositionRef;
import io.tideline.events.market.PriceObserved;
import io.tideline.lp.position.Fact;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Ids and lineage of what lp-tracker publishes: chain facts start a correlation, a retraction joins its fact's. */
class TrackerEventsTest {

    private static final PositionRef POSITION = new PositionRef(31337, "0x" + "c3".repeat(20), "42");
    private static final ChainRef AT = new ChainRef(120, "0x" + "ab".repeat(32), "0x" + "cd".repeat(32), 7,
            Instant.parse("2026-01-02T03:04:05Z"));
    private static final Fact EXITED = new Fact(POSITION, new LpRangeExited(POSITION, 900, -600, 660,
            LpRangeExited.Side.ABOVE, AT), AT, "{}");

    @Test
    void aFactIsTheRootOfItsCorrelation() {
        EventEnvelope<EventPayload> fact = TrackerEvents.fact(EXITED, 0);

        assertThat(fact.eventId()).isEqualTo(EXITED.eventId(0));
        assertThat(fact.correlationId()).isEqualTo(fact.eventId().toString());
        assertThat(fact.key()).isEqualTo(POSITION.key());
        assertThat(fact.occurredAt()).isEqualTo(AT.blockTime());
        assertThat(fact.source()).isEqualTo("lp-tracker");
    }

    @Test
    void aRetractionSharesItsFactsCorrelationId() {
        EventEnvelope<EventPayload> fact = TrackerEvents.fact(EXITED, 2);

        EventEnvelope<LpFactRetracted> retraction = TrackerEvents.retraction(new LpFactRetracted(POSITION,
                fact.eventId(), fact.type(), AT, 100), Instant.now());

        assertThat(retraction.correlationId()).isEqualTo(fact.correlationId())
                .isEqualTo(EventEnvelope.correlationOf(fact));
        assertThat(retraction.eventId()).isEqualTo(Fact.retractionIdOf(fact.eventId())).isNotEqualTo(fact.eventId());
        assertThat(retraction.key()).isEqualTo(fact.key());
    }

    @Test
    void theSameFactAlwaysYieldsTheSameIdAndAnotherEpochAnother() {
        Fact again = new Fact(POSITION, EXITED.payload(), AT, "{\"other\":\"state\"}");
        Fact otherLog = new Fact(POSITION, EXITED.payload(), new ChainRef(120, AT.blockHash(), AT.txHash(), 8,
                AT.blockTime()), "{}");
        Fact otherBlock = new Fact(POSITION, EXITED.payload(), new ChainRef(120, "0x" + "ef".repeat(32), AT.txHash(),
                7, AT.blockTime()), "{}");

        assertThat(again.eventId(0)).isEqualTo(EXITED.eventId(0));
        assertThat(EXITED.eventId(1)).isNotEqualTo(EXITED.eventId(0));
        assertThat(otherLog.eventId(0)).isNotEqualTo(EXITED.eventId(0));
        assertThat(otherBlock.eventId(0)).isNotEqualTo(EXITED.eventId(0));
        assertThat(Fact.retractionIdOf(EXITED.eventId(0))).isEqualTo(Fact.retractionIdOf(again.eventId(0)));
    }

    @Test
    void aPriceIsIdentifiedByItsSwapsBlockHashAndEpochAndStartsItsOwnCorrelation() {
        PriceObserved price = new PriceObserved("uniswap-v3", "31337:0x" + "88".repeat(20), new BigDecimal("2500"),
                BigInteger.TWO.pow(96), 0, 120L, AT.blockTime());

        EventEnvelope<PriceObserved> observed = TrackerEvents.price(price, AT.blockHash(), 0);

        assertThat(TrackerEvents.price(price, AT.blockHash(), 0).eventId()).isEqualTo(observed.eventId());
        assertThat(TrackerEvents.price(price, "0x" + "ef".repeat(32), 0).eventId()).isNotEqualTo(observed.eventId());
        assertThat(TrackerEvents.price(price, AT.blockHash(), 1).eventId()).isNotEqualTo(observed.eventId());
        assertThat(observed.correlationId()).isEqualTo(observed.eventId().toString());
        assertThat(observed.key()).isEqualTo(price.instrument());
    }
}

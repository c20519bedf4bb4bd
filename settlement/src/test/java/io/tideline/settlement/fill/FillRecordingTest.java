package io.tideline.settlement.fill;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.events.EventEnvelope;
import io.tideline.events.EventIds;
import io.tideline.events.TradeSide;
import io.tideline.events.mm.FillRecorded;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FillRecordingTest {

    private static final Instant T = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void touchesEachSessionPairOnceAtItsLatestFillWithTheLineageOfItsFirst() {
        FillSubmission early = fill("s1", "ETH-USDC", "t1", T);
        FillSubmission late = fill("s1", "ETH-USDC", "t2", T.plusSeconds(60));
        FillSubmission other = fill("s1", "BTC-USDC", "t3", T.plusSeconds(30));
        FillLineage first = lineage("first");

        List<FillRecording.Touch> touches = FillRecording.sessionTouches(List.of(early, other, late),
                List.of(first, lineage("other"), lineage("late")));

        assertThat(touches).extracting(t -> t.latest().pair()).containsExactly("ETH-USDC", "BTC-USDC");
        assertThat(touches.get(0).latest()).isEqualTo(late);
        assertThat(touches.get(0).first()).isEqualTo(first);
        assertThat(touches.get(1).latest()).isEqualTo(other);
    }

    @Test
    void onlyFillsTheDatabaseInsertedAreNewAndARepeatInTheBatchIsNot() {
        FillSubmission a = fill("s1", "ETH-USDC", "t1", T);
        FillSubmission b = fill("s1", "ETH-USDC", "t2", T);
        FillSubmission again = fill("s1", "ETH-USDC", "t1", T.plusSeconds(5)); // same identity, other figures

        assertThat(FillRecording.created(List.of(a, b, again), List.of(a.identity())))
                .containsExactly(true, false, false);
    }

    @Test
    void announcesOnlyTheNewFillsAsRootEventsIdentifiedByTheFill() {
        FillSubmission known = fill("s1", "ETH-USDC", "t1", T);
        FillSubmission fresh = fill("s1", "ETH-USDC", "t2", T);

        List<EventEnvelope<FillRecorded>> events = FillRecording.announcements("settlement", List.of(known, fresh),
                List.of(false, true));

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.payload()).isEqualTo(fresh.toEvent());
            assertThat(e.eventId()).isEqualTo(EventIds.of("mm-fill", "binance", "o-t2", "t2"));
            assertThat(e.correlationId()).as("a root: its own id is its chain's").isNull();
            assertThat(EventEnvelope.correlationOf(e)).isEqualTo(e.eventId().toString());
            assertThat(e.key()).isEqualTo("s1:ETH-USDC");
            assertThat(e.occurredAt()).isEqualTo(T);
        });
        assertThat(FillRecording.ownLineage(fresh)).isEqualTo(new FillLineage(events.get(0).eventId(),
                events.get(0).eventId().toString()));
    }

    @Test
    void theSameFillHasTheSameEventIdWhateverElseIsSaidOfIt() {
        FillSubmission one = fill("s1", "ETH-USDC", "t1", T);
        FillSubmission sameIdentity = new FillSubmission("s2", "BTC-USDC", "binance", "o-t1", "t1", TradeSide.SELL,
                BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ZERO, null, T.plusSeconds(99));

        assertThat(sameIdentity.eventId()).isEqualTo(one.eventId());
        assertThat(fill("s1", "ETH-USDC", "t2", T).eventId()).isNotEqualTo(one.eventId());
        // the parts are length-prefixed: ("a|b", "c") and ("a", "b|c") never meet
        assertThat(FillSubmission.eventIdOf("v", "1|2", "3")).isNotEqualTo(FillSubmission.eventIdOf("v", "1", "2|3"));
    }

    @Test
    void aFillStoredWithoutLineageIsTheRootOfItsOwnChain() {
        UUID derived = FillSubmission.eventIdOf("binance", "o-t1", "t1");
        assertThat(FillLineage.of(null, null, "binance", "o-t1", "t1"))
                .isEqualTo(new FillLineage(derived, derived.toString()));
        UUID cause = UUID.randomUUID();
        assertThat(FillLineage.of(cause, null, "binance", "o-t1", "t1"))
                .isEqualTo(new FillLineage(cause, cause.toString()));
        assertThat(FillLineage.of(cause, "chain-7", "binance", "o-t1", "t1"))
                .isEqualTo(new FillLineage(cause, "chain-7"));
    }

    private static FillSubmission fill(String session, String pair, String tradeId, Instant at) {
        return new FillSubmission(session, pair, "binance", "o-" + tradeId, tradeId, TradeSide.BUY, BigDecimal.ONE,
                new BigDecimal("2000"), new BigDecimal("0.2"), "USDC", at);
    }

    private static FillLineage lineage(String correlation) {
        return new FillLineage(UUID.randomUUID(), correlation);
    }
}

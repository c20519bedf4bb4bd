package io.tideline.settlement.takeprofit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.settlement.fill.FillLineage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HoldingLimitTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void placesEverythingTheHoldingCovers() {
        HoldingLimit.Split split = HoldingLimit.split(List.of(tp(1, "0.5", 0), tp(2, "0.5", 1)), new BigDecimal("1"));

        assertThat(split.placeable()).hasSize(2);
        assertThat(split.shortfalls()).isEmpty();
    }

    @Test
    void coversTheOldestPositionsFirstAndNamesTheShortfall() {
        HoldingLimit.Split split = HoldingLimit.split(List.of(tp(3, "0.4", 30), tp(1, "0.5", 0), tp(2, "0.3", 10)),
                new BigDecimal("0.85"));

        assertThat(split.placeable()).extracting(n -> n.position().fillKey()).containsExactly(1L, 2L);
        assertThat(split.shortfalls()).singleElement().satisfies(s -> {
            assertThat(s.takeProfit().position().fillKey()).isEqualTo(3L);
            assertThat(s.needed()).isEqualByComparingTo("0.4");
            assertThat(s.available()).isEqualByComparingTo("0.05");
            assertThat(s.reason()).contains("would sell 0.4").contains("holds 0.05");
        });
    }

    @Test
    void aTakeProfitIsPlacedWholeOrNotAtAllWhileASmallerYoungerOneMayStillFit() {
        HoldingLimit.Split split = HoldingLimit.split(List.of(tp(1, "1", 0), tp(2, "0.2", 5)), new BigDecimal("0.5"));

        assertThat(split.placeable()).extracting(n -> n.position().fillKey()).containsExactly(2L);
        assertThat(split.shortfalls()).extracting(s -> s.takeProfit().position().fillKey()).containsExactly(1L);
    }

    @Test
    void nothingHeldOrLessThanNothingPlacesNothing() {
        assertThat(HoldingLimit.split(List.of(tp(1, "0.1", 0)), BigDecimal.ZERO).placeable()).isEmpty();
        assertThat(HoldingLimit.split(List.of(tp(1, "0.1", 0)), new BigDecimal("-2")).shortfalls())
                .singleElement().satisfies(s -> assertThat(s.available()).isEqualByComparingTo("0"));
    }

    private static SettlementPlan.NewTakeProfit tp(long fillKey, String qty, int minutesAfter) {
        BuyPosition p = new BuyPosition(fillKey, "s1", "ETH-USDC", "extended", "o" + fillKey, "t" + fillKey,
                new BigDecimal("2000"), new BigDecimal(qty), T0.plusSeconds(60L * minutesAfter), BigDecimal.ZERO, 0,
                Optional.empty(), new FillLineage(UUID.randomUUID(), "c" + fillKey));
        return new SettlementPlan.NewTakeProfit(p, "tp" + fillKey, 0, 0, new BigDecimal("2010"), new BigDecimal(qty));
    }
}

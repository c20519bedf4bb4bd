package io.tideline.settlement.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.settlement.fill.FillLineage;
import io.tideline.settlement.takeprofit.BuyPosition;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionExposureTest {

    @Test
    void valuesOpenQuantityAtTheLastPriceAcrossPairs() {
        List<BuyPosition> positions = List.of(
                position("ETH-USDC", "2", "2000", "0.5"),   // 1.5 open x (1900 - 2000) = -150
                position("BTC-USDC", "0.1", "60000", "0"),  // 0.1 x (61000 - 60000) = +100
                position("SOL-USDC", "10", "150", "0"));    // no price: left out
        SessionExposure e = SessionExposure.of("s1", positions, Map.of("ETH-USDC", new BigDecimal("1900"),
                "BTC-USDC", new BigDecimal("61000")));
        assertThat(e.unrealizedPnl()).isEqualByComparingTo("-50");
        assertThat(e.unrealizedPnl().scale()).isEqualTo(SessionExposure.SCALE);
        assertThat(e.loss()).isEqualByComparingTo("50");
        assertThat(e.pnlByPair()).containsOnlyKeys("BTC-USDC", "ETH-USDC");
        assertThat(e.pairsWithoutPrice()).containsExactly("SOL-USDC");
    }

    @Test
    void tripsOnlyBeyondTheLimitCountedFromTheLossAcknowledged() {
        SessionExposure e = SessionExposure.of("s1", List.of(position("ETH-USDC", "10", "200", "0")),
                Map.of("ETH-USDC", new BigDecimal("50")));  // loss 1500
        assertThat(e.breaches(new BigDecimal("1000"), BigDecimal.ZERO)).isTrue();
        assertThat(e.breaches(new BigDecimal("1500"), BigDecimal.ZERO)).as("equal is not beyond").isFalse();
        assertThat(e.breaches(new BigDecimal("1000"), new BigDecimal("1200"))).isFalse();
        assertThat(e.breaches(new BigDecimal("1000"), new BigDecimal("400"))).isTrue();
    }

    private static BuyPosition position(String pair, String qty, String entry, String closed) {
        return new BuyPosition(1, "s1", pair, "v", "o", "t", new BigDecimal(entry), new BigDecimal(qty),
                Instant.parse("2026-11-30T12:00:00Z"), new BigDecimal(closed), 0, Optional.empty(),
                FillLineage.of(null, null, "v", "o", "t"));
    }
}

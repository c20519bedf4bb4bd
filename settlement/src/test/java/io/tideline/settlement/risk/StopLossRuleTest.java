package io.tideline.settlement.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.settlement.fill.FillLineage;
import io.tideline.settlement.session.Session;
import io.tideline.settlement.takeprofit.BuyPosition;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StopLossRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final StopLossRule RULE = new StopLossRule(true, new BigDecimal("1000"));
    // 10 bought at 200: at 99.99 the loss is 1000.10, at 100 exactly 1000
    private static final List<BuyPosition> TEN_AT_200 = List.of(position("ETH-USDC", "10", "200"));

    @Test
    void tripsWhenTheLossPassesTheLimitWithAnAlertNamingIt() {
        StopLossRule.Decision decision = RULE.decide(session("OK", "0", 0), TEN_AT_200,
                Map.of("ETH-USDC", new BigDecimal("99.99")), NOW);

        assertThat(decision).isInstanceOfSatisfying(StopLossRule.Decision.Trip.class, trip -> {
            assertThat(trip.exposure().loss()).isEqualByComparingTo("1000.1");
            assertThat(trip.alert().alertId()).isEqualTo("settlement.stop-loss:s1:1");
            assertThat(trip.alert().ruleId()).isEqualTo(StopLossRule.RULE);
            assertThat(trip.alert().subjectKey()).isEqualTo("s1");
            assertThat(trip.alert().raisedAt()).isEqualTo(NOW);
            assertThat(trip.alert().detail()).contains("1000.10000000").contains("limit of 1000")
                    .contains("/api/v1/sessions/s1/stop-loss/acknowledge");
        });
    }

    @Test
    void aLossAtTheLimitDoesNotTrip() {
        assertThat(RULE.decide(session("OK", "0", 0), TEN_AT_200, Map.of("ETH-USDC", new BigDecimal("100")), NOW))
                .isInstanceOf(StopLossRule.Decision.Clear.class);
    }

    @Test
    void afterAnAcknowledgementItTripsOnlyBeyondAFurtherLimit() {
        Session acknowledged = session("OK", "1500", 1);
        assertThat(RULE.decide(acknowledged, TEN_AT_200, Map.of("ETH-USDC", new BigDecimal("50")), NOW))
                .as("1500 lost, 1500 acknowledged").isInstanceOf(StopLossRule.Decision.Clear.class);
        assertThat(RULE.decide(acknowledged, TEN_AT_200, Map.of("ETH-USDC", new BigDecimal("0.01")), NOW))
                .as("1999.90 lost: beyond 1500 + 1000? no").isInstanceOf(StopLossRule.Decision.Clear.class);
        List<BuyPosition> twenty = List.of(position("ETH-USDC", "20", "200"));
        assertThat(RULE.decide(acknowledged, twenty, Map.of("ETH-USDC", new BigDecimal("74.99")), NOW))
                .as("2500.20 lost: beyond 2500").isInstanceOfSatisfying(StopLossRule.Decision.Trip.class, trip -> {
                    assertThat(trip.alert().alertId()).isEqualTo("settlement.stop-loss:s1:2");
                    assertThat(trip.alert().detail()).contains("beyond the 1500 acknowledged");
                });
    }

    @Test
    void aTrippedSessionStaysStoppedWithoutANewAlertWhateverThePrice() {
        assertThat(RULE.decide(session("TRIPPED", "0", 1), TEN_AT_200, Map.of("ETH-USDC", new BigDecimal("500")),
                NOW)).isInstanceOf(StopLossRule.Decision.StillStopped.class);
        assertThat(new StopLossRule(false, BigDecimal.ONE).decide(session("TRIPPED", "0", 1), TEN_AT_200, Map.of(),
                NOW)).as("switched off, still not acknowledged").isInstanceOf(StopLossRule.Decision.StillStopped.class);
    }

    @Test
    void switchedOffItNeverTrips() {
        assertThat(new StopLossRule(false, BigDecimal.ONE).decide(session("OK", "0", 0), TEN_AT_200,
                Map.of("ETH-USDC", new BigDecimal("1")), NOW)).isInstanceOf(StopLossRule.Decision.Clear.class);
    }

    @Test
    void pairsWithoutAPriceAreLeftOutOfTheLossAndNamedInTheAlert() {
        List<BuyPosition> two = List.of(position("ETH-USDC", "10", "200"), position("SOL-USDC", "1000", "150"));
        StopLossRule.Decision decision = RULE.decide(session("OK", "0", 0), two,
                Map.of("ETH-USDC", new BigDecimal("50")), NOW);

        assertThat(decision).isInstanceOfSatisfying(StopLossRule.Decision.Trip.class, trip -> {
            assertThat(trip.exposure().loss()).isEqualByComparingTo("1500");
            assertThat(trip.alert().detail()).contains("without a price: [SOL-USDC]");
        });
    }

    private static Session session(String state, String acknowledgedLoss, int trips) {
        return new Session("s1", "binance", List.of("ETH-USDC"), 1, NOW.minusSeconds(3600), null, NOW, "api", 1,
                state, null, null, trips, new BigDecimal(acknowledgedLoss), null, null);
    }

    private static BuyPosition position(String pair, String qty, String entry) {
        return new BuyPosition(1, "s1", pair, "binance", "o", "t", new BigDecimal(entry), new BigDecimal(qty),
                NOW.minusSeconds(600), BigDecimal.ZERO, 0, Optional.empty(), FillLineage.of(null, null, "binance",
                "o", "t"));
    }
}

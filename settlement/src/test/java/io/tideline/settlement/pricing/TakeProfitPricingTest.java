package io.tideline.settlement.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TakeProfitPricingTest {

    private static final PairRules ETH = new PairRules("ETH-USDC", new BigDecimal("0.01"), new BigDecimal("0.001"));
    private final TakeProfitPricing pricing = new TakeProfitPricing(AgeTiers.of(50, 30, 15, 5));

    @Test
    void placesTiersByAgeWithTheBoundsInTheOlderTier() {
        AgeTiers tiers = pricing.tiers();
        assertThat(tiers.tierOf(Duration.ZERO)).isZero();
        assertThat(tiers.tierOf(Duration.ofMinutes(59).plusSeconds(59))).isZero();
        assertThat(tiers.tierOf(Duration.ofHours(1))).isEqualTo(1);
        assertThat(tiers.tierOf(Duration.ofHours(4))).isEqualTo(2);
        assertThat(tiers.tierOf(Duration.ofHours(11).plusMinutes(59))).isEqualTo(2);
        assertThat(tiers.tierOf(Duration.ofHours(12))).isEqualTo(3);
        assertThat(tiers.tierOf(Duration.ofDays(30))).isEqualTo(3);
        assertThat(tiers.tierOf(Duration.ofSeconds(-5))).as("a fill stamped ahead of our clock").isZero();
    }

    @Test
    void marksUpTheEntryAndRoundsUpToTheTick() {
        // 2000 x 1.005 = 2010 exactly; 2000.01 x 1.005 = 2010.01005 -> 2010.02 (up, never down)
        assertThat(pricing.price(new BigDecimal("2000"), 0, ETH)).isEqualByComparingTo("2010");
        assertThat(pricing.price(new BigDecimal("2000.01"), 0, ETH)).isEqualByComparingTo("2010.02");
        // 1-4 h: 30 bp: 2000 x 1.003 = 2006
        assertThat(pricing.price(new BigDecimal("2000"), 1, ETH)).isEqualByComparingTo("2006");
    }

    @Test
    void neverPricesBelowEntryPlusRoundTripFees() {
        // 12 h+: 5 bp would be 2001, but two legs of 10 bp need 2004.
        assertThat(pricing.price(new BigDecimal("2000"), 3, ETH)).isEqualByComparingTo("2004");
        // 4-12 h: 15 bp = 2003 is below 2004 too.
        assertThat(pricing.price(new BigDecimal("2000"), 2, ETH)).isEqualByComparingTo("2004");
        PairRules cheap = new PairRules("ETH-USDC", new BigDecimal("0.01"), new BigDecimal("0.0001"));
        assertThat(pricing.price(new BigDecimal("2000"), 2, cheap)).isEqualByComparingTo("2003");
    }

    @Test
    void roundsUpOnCoarseAndFineTicks() {
        assertThat(TakeProfitPricing.roundUp(new BigDecimal("65001.01"), new BigDecimal("0.5")))
                .isEqualByComparingTo("65001.5");
        assertThat(TakeProfitPricing.roundUp(new BigDecimal("0.123456781"), new BigDecimal("0.00000001")))
                .isEqualByComparingTo("0.12345679");
        assertThat(TakeProfitPricing.roundUp(new BigDecimal("100"), new BigDecimal("5"))).isEqualByComparingTo("100");
    }

    @Test
    void oneTickAboveTheBidStaysOnTheTickGrid() {
        BigDecimal tick = new BigDecimal("0.01");
        assertThat(TakeProfitPricing.oneTickAbove(new BigDecimal("2012.00"), tick)).isEqualByComparingTo("2012.01");
        assertThat(TakeProfitPricing.oneTickAbove(new BigDecimal("2012.005"), tick)).isEqualByComparingTo("2012.01");
    }
}

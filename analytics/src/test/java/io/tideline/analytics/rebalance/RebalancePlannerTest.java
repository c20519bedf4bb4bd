package io.tideline.analytics.rebalance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tideline.amm.TickMath;
import io.tideline.analytics.market.Bar;
import io.tideline.analytics.market.BarInterval;
import io.tideline.analytics.regime.Regime;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each formula of the rebalancing suggestions against values computed by hand (see the README). */
class RebalancePlannerTest {

    private static final BigInteger Q96 = BigInteger.ONE.shiftLeft(96);

    @Test
    void volatilityIsTheSampleStandardDeviationOfTickChanges() {
        // changes 10, −10, 10: mean 10/3, squares 400/9 + 1600/9 + 400/9 = 2400/9, over n − 1 = 2: 400/3
        assertThat(RebalancePlanner.sigmaTicks(new int[] {0, 10, 0, 10})).isCloseTo(Math.sqrt(400.0 / 3), within(1e-12));
        assertThat(RebalancePlanner.sigmaTicks(new int[] {0, 10})).isNull();
    }

    @Test
    void halfWidthIsSigmasTimesTheHorizonMoveRoundedUpToTheSpacing() {
        assertThat(RebalancePlanner.halfWidth(100, new BigDecimal("2"), 60)).isEqualTo(240); // 200 → 4 spacings
        assertThat(RebalancePlanner.halfWidth(100, new BigDecimal("0.5"), 60)).isEqualTo(60); // 50 → 1
        assertThat(RebalancePlanner.halfWidth(0, BigDecimal.ONE, 10)).isEqualTo(10); // at least one spacing
    }

    @Test
    void rangeBoundsAreRoundedOutwardsToTheSpacing() {
        assertThat(RebalancePlanner.range(130, 240, 60)).containsExactly(-120, 420); // −110 ↓ −120, 370 ↑ 420
        assertThat(RebalancePlanner.range(-130, 60, 60)).containsExactly(-240, -60); // −190 ↓ −240, −70 ↑ −60
    }

    @Test
    void timeInRangeCountsTheBarsEachStartsRangeHeld() {
        // h = 2; s = 0: moves 5 (in), 15 (out); s = 1: 10 (out, the upper bound is excluded), 0 (in);
        // s = 2: −10 (in), −15 (out) → 3 of 6
        assertThat(RebalancePlanner.timeInRange(new int[] {0, 5, 15, 5, 0}, -10, 10, 2)).containsExactly(3, 6);
        assertThat(RebalancePlanner.timeInRange(new int[] {7}, -10, 10, 2)).containsExactly(0, 0);
    }

    @Test
    void valuesInToken1AtTheSqrtPriceRoundDown() {
        // price 4: 3 · 4 + 5
        assertThat(RebalancePlanner.valueToken1(BigInteger.valueOf(3), BigInteger.valueOf(5), Q96.shiftLeft(1)))
                .isEqualTo(17);
        // price 1/4: 3 · 0.25 = 0.75 rounds down to 0
        assertThat(RebalancePlanner.valueToken1(BigInteger.valueOf(3), BigInteger.ZERO, Q96.shiftRight(1)))
                .isEqualTo(0);
    }

    @Test
    void feeAprIsVolumeTimesFeeTimesShareTimesTimeInRangeOverCapitalAYear() {
        // 1,000,000 a day · 0.3 % · 1/(3 + 1) · 1/2 · 365 / 1,000,000 = 0.136875
        assertThat(RebalancePlanner.feeApr(BigInteger.valueOf(1_000_000), 3000, BigInteger.ONE,
                BigInteger.valueOf(3), 1, 2, 24, 3600, BigInteger.valueOf(1_000_000))).isEqualTo("0.136875");
        assertThat(RebalancePlanner.feeApr(BigInteger.TEN, 3000, BigInteger.ONE, BigInteger.ONE, 1, 2, 24, 3600,
                BigInteger.ZERO)).isNull();
    }

    @Test
    void liquidityForValueBuysWhatTheValueIsWorthInTheRange() {
        // over the whole range at price 1 a unit of liquidity holds ≈ 1 of each token, worth ≈ 2: 2·10^18 buys 10^18
        int max = TickMath.MAX_TICK / 60 * 60;
        BigInteger l = RebalancePlanner.liquidityForValue(new BigInteger("2000000000000000000"), Q96, -max, max);
        assertThat(l.subtract(new BigInteger("1000000000000000000")).abs()).isLessThanOrEqualTo(BigInteger.ONE);
        // narrower is more liquidity for the same value
        assertThat(RebalancePlanner.liquidityForValue(new BigInteger("2000000000000000000"), Q96, -600, 600))
                .isGreaterThan(l.multiply(BigInteger.valueOf(10)));
    }

    @Test
    void impermanentLossOfAConcentratedRange() {
        // range [1/4, 4] (√: 0.5, 2) from price 1: at 4 the LP holds 1.5 of token1 against 0.5 · 4 + 0.5 = 2.5 held
        assertThat(RebalancePlanner.ilAt(0.5, 2, 4)).isCloseTo(-0.4, within(1e-12));
        // at 1/4 it holds 1.5 of token0 worth 0.375 against 0.5 · 0.25 + 0.5 = 0.625
        assertThat(RebalancePlanner.ilAt(0.5, 2, 0.25)).isCloseTo(-0.4, within(1e-12));
        assertThat(RebalancePlanner.ilAt(0.5, 2, 1)).isCloseTo(0, within(1e-12));
    }

    @Test
    void ilRiskOverTheWholeRangeIsTheClassicFormula() {
        // full range, one-sigma moves ×4 and ×1/4: 2√4/(1 + 4) − 1 = −0.2 both ways → 0.2
        double sigmaTicks = Math.log(4) / Math.log(1.0001);
        assertThat(RebalancePlanner.ilRisk(-887_220, 887_220, sigmaTicks)).isEqualTo("0.200000");
    }

    @Test
    void confidenceIsCoverageTimesWalkForwardTimesRegime() {
        assertThat(RebalancePlanner.confidence(360, 720, null, null)).isEqualTo("0.3750"); // 0.5 · 0.75
        assertThat(RebalancePlanner.confidence(800, 720, new BigDecimal("0.01"), Regime.HIGH_VOLATILITY))
                .isEqualTo("0.5000"); // 1 · 1 · 0.5
        assertThat(RebalancePlanner.confidence(720, 720, new BigDecimal("-0.01"), Regime.TRENDING))
                .isEqualTo("0.5000"); // 1 · 0.5 · 1
    }

    @Test
    void aPlanHasOneRangePerRiskLevelFromTheseFormulas() {
        // 200 hourly bars at price 1 ± 10 ticks, 1,000 token1 in each, pool liquidity 3·10^18 with the position's 10^18
        List<Bar> bars = new ArrayList<>();
        Instant t = Instant.parse("2026-03-01T00:00:00Z");
        int[] closes = new int[200];
        for (int i = 0; i < 200; i++) {
            closes[i] = i % 2 == 0 ? 0 : 10;
            BigInteger sqrt = TickMath.getSqrtRatioAtTick(closes[i]);
            bars.add(new Bar(t.plusSeconds(3600L * i), BarInterval.H1, sqrt, 0, 10, sqrt, closes[i], BigInteger.ZERO,
                    BigInteger.valueOf(1000), new BigInteger("3000000000000000000"), 1));
        }
        LivePosition position = new LivePosition("1:0xpm:1", "1:0xpool", 3000, -600, 600,
                new BigInteger("1000000000000000000"), Q96, new BigInteger("1000000"), new BigInteger("1000000"));
        RebalancePlan plan = RebalancePlanner.plan(position, 60, bars, null);

        double sigma = RebalancePlanner.sigmaTicks(closes);
        assertThat(plan.tick()).isZero();
        assertThat(plan.bars()).isEqualTo(200);
        assertThat(plan.volumeToken1()).isEqualTo(200_000);
        assertThat(plan.capitalToken1()).isEqualTo(2_000_000); // 10^6 · 1 + 10^6
        assertThat(plan.poolLiquidity()).isEqualTo(new BigInteger("2000000000000000000")); // own 10^18 left out
        assertThat(plan.proposals()).extracting(RebalanceProposal::riskLevel).containsExactly(RiskLevel.values());
        for (RebalanceProposal p : plan.proposals()) {
            int w = RebalancePlanner.halfWidth(sigma * Math.sqrt(168), p.riskLevel().sigmas(), 60);
            assertThat(p.halfWidth()).isEqualTo(w);
            assertThat(new int[] {p.tickLower(), p.tickUpper()}).containsExactly(RebalancePlanner.range(0, w, 60));
            long[] in = RebalancePlanner.timeInRange(closes, p.tickLower(), p.tickUpper(), 168);
            assertThat(p.expectedFeeApr()).isEqualTo(RebalancePlanner.feeApr(plan.volumeToken1(), 3000,
                    RebalancePlanner.liquidityForValue(plan.capitalToken1(), Q96, p.tickLower(), p.tickUpper()),
                    plan.poolLiquidity(), in[0], in[1], 200, 3600, plan.capitalToken1()));
            assertThat(p.confidence()).isEqualTo("0.2083"); // 200/720 · 0.75
        }
        // wider is safer: less IL risk and never less time in range
        assertThat(plan.proposals().get(0).ilRisk()).isLessThan(plan.proposals().get(2).ilRisk());
        assertThat(plan.proposals().get(0).timeInRange()).isGreaterThanOrEqualTo(plan.proposals().get(2).timeInRange());
    }
}

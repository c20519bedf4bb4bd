package io.tideline.analytics.suggestion;

import io.tideline.amm.TickMath;
import io.tideline.analytics.backtest.Costs;
import io.tideline.analytics.backtest.HedgeRule;
import io.tideline.analytics.backtest.RangeRule;
import io.tideline.analytics.backtest.RebalanceRule;
import io.tideline.analytics.backtest.Strategy;
import io.tideline.analytics.market.Bar;
import io.tideline.analytics.market.BarInterval;
import io.tideline.analytics.market.PoolSeries;
import io.tideline.analytics.regime.Regime;
import io.tideline.analytics.regime.RegimeMethod;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RangeSearchTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final BigInteger POOL_LIQUIDITY = BigInteger.TEN.pow(24);
    private static final Strategy TEMPLATE = new Strategy("template", 3000, new RangeRule.FixedWidth(600),
            new RebalanceRule.OutOfRangeFor(Duration.ofMinutes(30)), new HedgeRule.None(), Costs.NONE,
            BigInteger.TEN.pow(21));
    private static final WalkForwardPlan PLAN = new WalkForwardPlan(120, 60);

    /** Closes wandering within ±100 ticks of 0, the same volume of token1 (whole tokens) in every bar. */
    private static List<Bar> ranging(int count, long seed, long volume1) {
        Random random = new Random(seed);
        List<Bar> bars = new ArrayList<>();
        int tick = 0;
        for (int i = 0; i < count; i++) {
            int next = Math.max(-100, Math.min(100, tick + random.nextInt(41) - 20));
            bars.add(bar(i, tick, next, volume1));
            tick = next;
        }
        return bars;
    }

    private static Bar bar(int i, int from, int to, long volume1) {
        return new Bar(T0.plusSeconds(60L * i), BarInterval.M1, TickMath.getSqrtRatioAtTick(from),
                Math.min(from, to), Math.max(from, to), TickMath.getSqrtRatioAtTick(to), to, BigInteger.ZERO,
                BigInteger.valueOf(volume1).multiply(BigInteger.TEN.pow(18)), POOL_LIQUIDITY, 1);
    }

    private static PoolSeries pool(String name, int fee, int spacing, List<Bar> bars) {
        return new PoolSeries(name, fee, spacing, 18, 18, BarInterval.M1, bars);
    }

    @Test
    void choosesTheTierThatEarnsMoreAndTheNarrowestRangeThatHoldsThePrice() {
        List<Bar> bars = ranging(420, 5, 10_000L);
        List<PoolSeries> tiers = List.of(pool("eth-usdc-5", 500, 10, bars), pool("eth-usdc-30", 3000, 60, bars));

        RangeSuggestion s = RangeSearch.suggest(tiers, List.of(6000, 1200, 600), TEMPLATE, PLAN);

        assertThat(s.pool()).isEqualTo("eth-usdc-30");
        assertThat(s.feePips()).isEqualTo(3000);
        assertThat(s.halfWidth()).isEqualTo(600);
        assertThat(s.trainReturn()).isPositive();
        assertThat(s.folds()).hasSize(5).allSatisfy(f -> {
            assertThat(f.pool()).isEqualTo("eth-usdc-30");
            assertThat(f.halfWidth()).isEqualTo(600);
            assertThat(f.testReturn()).isPositive();
        });
        assertThat(s.meanTestReturn()).isPositive();
        // bounded within ±100 ticks, steps of at most 20: ranging, with the reading of the very last bar
        assertThat(s.regime().regime()).isEqualTo(Regime.RANGING);
        assertThat(s.regime().bar()).isEqualTo(419);
    }

    @Test
    void aSteadilyRisingPriceIsSuggestedWithATrendingRegime() {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            bars.add(bar(i, 5 * i, 5 * (i + 1), 10_000L));
        }
        RangeSuggestion s = RangeSearch.suggest(List.of(pool("p", 3000, 60, bars)), List.of(600, 6000), TEMPLATE,
                PLAN);
        assertThat(s.regime().regime()).isEqualTo(Regime.TRENDING);
        assertThat(s.regime().trendStrength()).isEqualTo(1.0);
    }

    @Test
    void noRegimeIsGivenBeforeThereAreBarsEnoughToReadOne() {
        List<Bar> bars = ranging(RegimeMethod.STANDARD.firstBar(), 2, 10_000L);
        RangeSuggestion s = RangeSearch.suggest(List.of(pool("p", 3000, 60, bars)), List.of(600),
                TEMPLATE, new WalkForwardPlan(40, 20));
        assertThat(s.regime()).isNull();
    }

    @Test
    void foldsTrainThenTestOnTheBarsThatFollowWithoutOverlap() {
        List<Bar> bars = ranging(400, 9, 10_000L);
        RangeSuggestion s = RangeSearch.suggest(List.of(pool("p", 3000, 60, bars)), List.of(600), TEMPLATE, PLAN);

        // (400 − 120) / 60 = 4 whole test windows
        assertThat(s.folds()).hasSize(4);
        for (int k = 0; k < s.folds().size(); k++) {
            Fold f = s.folds().get(k);
            assertThat(f.trainFrom()).isEqualTo(T0.plusSeconds(60L * 60 * k));
            assertThat(f.testFrom()).isEqualTo(T0.plusSeconds(60L * (60 * k + 120)));
            assertThat(f.testTo()).isEqualTo(T0.plusSeconds(60L * (60 * k + 180)));
        }
    }

    @Test
    void aFoldsChoiceNeverDependsOnTheBarsItIsTestedOn() {
        List<Bar> bars = ranging(420, 13, 10_000L);
        List<Integer> widths = List.of(6000, 1200, 600);
        RangeSuggestion before = RangeSearch.suggest(List.of(pool("p", 3000, 60, bars)), widths, TEMPLATE, PLAN);

        // from the second fold's test window on, the price runs away and volume vanishes
        List<Bar> changed = new ArrayList<>(bars.subList(0, 180));
        int tick = bars.get(179).closeTick();
        for (int i = 180; i < 420; i++) {
            changed.add(bar(i, tick, tick + 90, 0));
            tick += 90;
        }
        RangeSuggestion after = RangeSearch.suggest(List.of(pool("p", 3000, 60, changed)), widths, TEMPLATE, PLAN);

        for (int k = 0; k < 2; k++) { // folds 0 and 1 train on bars < 180
            Fold b = before.folds().get(k);
            Fold a = after.folds().get(k);
            assertThat(a.halfWidth()).isEqualTo(b.halfWidth());
            assertThat(a.trainReturn()).isEqualTo(b.trainReturn());
        }
        assertThat(after.folds().get(1).testReturn()).isNotEqualTo(before.folds().get(1).testReturn());
    }

    @Test
    void refusesPoolsWhoseBarsDoNotLineUpAndSeriesTooShort() {
        List<Bar> bars = ranging(200, 1, 1_000L);
        assertThatThrownBy(() -> RangeSearch.suggest(List.of(pool("a", 500, 10, bars),
                pool("b", 3000, 60, bars.subList(0, 199))), List.of(600), TEMPLATE, PLAN))
                .hasMessageContaining("same bars");
        assertThatThrownBy(() -> RangeSearch.suggest(List.of(pool("a", 500, 10, bars.subList(0, 100))),
                List.of(600), TEMPLATE, PLAN)).hasMessageContaining("fewer than trainBars");
        assertThatThrownBy(() -> new WalkForwardPlan(1, 60)).hasMessageContaining("trainBars");
    }
}

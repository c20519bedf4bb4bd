package io.tideline.analytics.regime;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegimeMethodTest {

    private static final RegimeMethod METHOD = RegimeMethod.STANDARD;

    /** Mean-reverting around 100: log price x(t) = 0.5·x(t−1) + noise. */
    private static double[] ranging(Random random, double start, int bars, double noise) {
        double[] p = new double[bars];
        double x = 0;
        for (int i = 0; i < bars; i++) {
            x = 0.5 * x + noise * random.nextGaussian();
            p[i] = start * Math.exp(x);
        }
        return p;
    }

    /** A steady drift with noise, starting where the previous segment ended. */
    private static double[] trending(Random random, double start, int bars, double drift, double noise) {
        double[] p = new double[bars];
        double price = start;
        for (int i = 0; i < bars; i++) {
            price *= Math.exp(drift + noise * random.nextGaussian());
            p[i] = price;
        }
        return p;
    }

    private static double[] concat(double[]... parts) {
        int n = 0;
        for (double[] part : parts) {
            n += part.length;
        }
        double[] all = new double[n];
        int at = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    @Test
    void readsKnownRegimesOfASyntheticSeriesAfterEachTransition() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            double[] calm = ranging(random, 100, 400, 0.005);
            double[] trend = trending(random, calm[calm.length - 1], 200, 0.004, 0.004);
            double[] calmAgain = ranging(random, trend[trend.length - 1], 200, 0.005);
            double[] wild = trending(random, calmAgain[calmAgain.length - 1], 120, 0, 0.03);
            double[] closes = concat(calm, trend, calmAgain, wild);
            Regime[] truth = new Regime[closes.length];
            fill(truth, 0, 400, Regime.RANGING);
            fill(truth, 400, 600, Regime.TRENDING);
            fill(truth, 600, 800, Regime.RANGING);
            fill(truth, 800, 920, Regime.HIGH_VOLATILITY);

            List<RegimeReading> readings = METHOD.read(closes);
            int counted = 0;
            int right = 0;
            for (RegimeReading r : readings) {
                if (nearBoundary(r.bar(), 400, 600, 800)) {
                    continue; // the window still straddles two regimes
                }
                counted++;
                if (r.regime() == truth[r.bar()]) {
                    right++;
                }
            }
            assertThat((double) right / counted).as("share read right, seed %d", seed).isGreaterThan(0.9);
        }
    }

    @Test
    void aStraightLineIsTrendingAndAFlatLineRanging() {
        double[] line = new double[200];
        double[] flat = new double[200];
        for (int i = 0; i < line.length; i++) {
            line[i] = 100 + i;
            flat[i] = 100;
        }
        assertThat(METHOD.read(line)).allSatisfy(r -> {
            assertThat(r.regime()).isEqualTo(Regime.TRENDING);
            assertThat(r.trendStrength()).isEqualTo(1.0);
        });
        assertThat(METHOD.read(flat)).allSatisfy(r -> assertThat(r.regime()).isEqualTo(Regime.RANGING));
    }

    @Test
    void steadyVolatilityIsNeverHighHoweverLarge() {
        double[] noisy = trending(new Random(7), 100, 1_000, 0, 0.03);
        assertThat(METHOD.read(noisy)).noneSatisfy(r -> assertThat(r.regime()).isEqualTo(Regime.HIGH_VOLATILITY));
    }

    @Test
    void aReadingNeverDependsOnLaterBars() {
        Random random = new Random(11);
        double[] closes = concat(ranging(random, 100, 300, 0.005), trending(random, 100, 300, 0.003, 0.01));
        List<RegimeReading> before = METHOD.read(closes);
        for (int trial = 0; trial < 50; trial++) {
            int cut = METHOD.firstBar() + random.nextInt(closes.length - METHOD.firstBar() - 1);
            double[] changed = closes.clone();
            for (int i = cut + 1; i < changed.length; i++) {
                changed[i] = changed[i] * Math.exp(0.2 * random.nextGaussian());
            }
            List<RegimeReading> after = METHOD.read(changed);
            int through = cut - METHOD.firstBar();
            assertThat(after.subList(0, through + 1)).isEqualTo(before.subList(0, through + 1));
        }
    }

    @Test
    void givesNoReadingBeforeItsHistoryIsThere() {
        double[] closes = ranging(new Random(3), 100, METHOD.firstBar(), 0.01);
        assertThat(METHOD.read(closes)).isEmpty();
        double[] oneMore = ranging(new Random(3), 100, METHOD.firstBar() + 1, 0.01);
        assertThat(METHOD.read(oneMore)).extracting(RegimeReading::bar).containsExactly(METHOD.firstBar());
    }

    @Test
    void refusesPricesThatAreNotPositiveAndSettingsOutOfRange() {
        assertThatThrownBy(() -> METHOD.read(new double[] {1, 0, 2}))
                .hasMessageContaining("close 1 must be a positive price");
        assertThatThrownBy(() -> new RegimeMethod(1, 500, 60, 0.8, 1.5, 0.4)).hasMessageContaining("window");
        assertThatThrownBy(() -> new RegimeMethod(20, 500, 60, 0.8, 1.5, 1.2)).hasMessageContaining("trendThreshold");
    }

    private static boolean nearBoundary(int bar, int... boundaries) {
        for (int b : boundaries) {
            if (bar >= b && bar < b + METHOD.window()) {
                return true;
            }
        }
        return false;
    }

    private static void fill(Regime[] truth, int from, int to, Regime regime) {
        for (int i = from; i < to; i++) {
            truth[i] = regime;
        }
    }
}

package io.tideline.analytics.regime;

import io.tideline.analytics.market.PoolSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads market regimes from a price series by a stated method: rolling volatility against its own history, then trend
 * strength.
 *
 * <ol>
 *   <li>Volatility: the sample standard deviation of the last {@code window} log returns.</li>
 *   <li>High volatility: this volatility is at or above the {@code highPercentile} of the volatilities of the
 *       trailing {@code lookback} bars <em>and</em> at least {@code highRatio} times their median. The ratio keeps a
 *       market whose volatility is steady from flickering into the top quantile by chance.</li>
 *   <li>Otherwise trending when the efficiency ratio over the window, {@code |P(t) − P(t−window)| / Σ|P(i) − P(i−1)|},
 *       is at least {@code trendThreshold} (a random walk's is about {@code 1/√window}, 0.22 for 20 bars; a steady
 *       drift's approaches 1); else ranging.</li>
 * </ol>
 * Each reading uses only the bars up to its own (causal), and none is given before {@code window + minHistory} bars.
 *
 * @param window         bars of returns for volatility and trend strength
 * @param lookback       trailing volatilities the current one is ranked against
 * @param minHistory     trailing volatilities needed before the first reading
 * @param highPercentile percentile at or above which volatility may be high (0 to 1)
 * @param highRatio      multiple of the trailing median volatility that high volatility also needs
 * @param trendThreshold efficiency ratio at or above which the market is trending
 */
public record RegimeMethod(int window, int lookback, int minHistory, double highPercentile, double highRatio,
                           double trendThreshold) {

    /** 20-bar window, ranked against 500 bars (at least 60), 80th percentile and 1.5× the median, trend at 0.4. */
    public static final RegimeMethod STANDARD = new RegimeMethod(20, 500, 60, 0.8, 1.5, 0.4);

    public RegimeMethod {
        if (window < 2) {
            throw new IllegalArgumentException("window must be at least 2 bars, was " + window);
        }
        if (minHistory < 1 || lookback < minHistory) {
            throw new IllegalArgumentException("need 1 <= minHistory <= lookback, was " + minHistory + " and "
                    + lookback);
        }
        if (!(highPercentile > 0 && highPercentile <= 1)) {
            throw new IllegalArgumentException("highPercentile must be in (0, 1], was " + highPercentile);
        }
        if (!(highRatio >= 1)) {
            throw new IllegalArgumentException("highRatio must be at least 1, was " + highRatio);
        }
        if (!(trendThreshold > 0 && trendThreshold < 1)) {
            throw new IllegalArgumentException("trendThreshold must be in (0, 1), was " + trendThreshold);
        }
    }

    /** The first bar that gets a reading. */
    public int firstBar() {
        return window + minHistory - 1;
    }

    /** The readings of a pool's bars, from their close ticks (price = 1.0001^tick; the token decimals cancel out). */
    public List<RegimeReading> read(PoolSeries series) {
        double[] closes = new double[series.bars().size()];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = Math.pow(1.0001, series.bars().get(i).closeTick());
        }
        return read(closes);
    }

    /** The readings of every bar from {@link #firstBar()} on; prices must be positive. */
    public List<RegimeReading> read(double[] closes) {
        for (int i = 0; i < closes.length; i++) {
            if (!(closes[i] > 0) || Double.isInfinite(closes[i])) {
                throw new IllegalArgumentException("close " + i + " must be a positive price, was " + closes[i]);
            }
        }
        double[] vol = rollingVolatility(closes);
        List<RegimeReading> readings = new ArrayList<>();
        for (int t = firstBar(); t < closes.length; t++) {
            readings.add(readingAt(closes, vol, t));
        }
        return readings;
    }

    /** vol[t] = volatility of the returns ending at bar t (NaN before bar {@code window}). */
    private double[] rollingVolatility(double[] closes) {
        double[] vol = new double[closes.length];
        Arrays.fill(vol, Double.NaN);
        for (int t = window; t < closes.length; t++) {
            double[] r = new double[window];
            for (int k = 0; k < window; k++) {
                int i = t - window + 1 + k;
                r[k] = Math.log(closes[i] / closes[i - 1]);
            }
            vol[t] = sampleStdDev(r);
        }
        return vol;
    }

    private RegimeReading readingAt(double[] closes, double[] vol, int t) {
        int from = Math.max(window, t - lookback + 1);
        double[] trailing = Arrays.copyOfRange(vol, from, t + 1);
        double current = vol[t];
        int atOrBelow = 0;
        for (double v : trailing) {
            if (v <= current) {
                atOrBelow++;
            }
        }
        double percentile = (double) atOrBelow / trailing.length;
        double median = median(trailing);
        double ratio = median == 0 ? (current == 0 ? 1 : Double.POSITIVE_INFINITY) : current / median;
        double travelled = 0;
        for (int i = t - window + 1; i <= t; i++) {
            travelled += Math.abs(closes[i] - closes[i - 1]);
        }
        double strength = travelled == 0 ? 0 : Math.abs(closes[t] - closes[t - window]) / travelled;
        Regime regime;
        if (percentile >= highPercentile && ratio >= highRatio) {
            regime = Regime.HIGH_VOLATILITY;
        } else if (strength >= trendThreshold) {
            regime = Regime.TRENDING;
        } else {
            regime = Regime.RANGING;
        }
        return new RegimeReading(t, regime, current, percentile, ratio, strength);
    }

    private static double sampleStdDev(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double squares = 0;
        for (double v : x) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (x.length - 1));
    }

    private static double median(double[] x) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}

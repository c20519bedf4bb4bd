package io.tideline.analytics.backtest;

import io.tideline.amm.Uint256;
import io.tideline.analytics.market.Bar;
import io.tideline.analytics.market.BarInterval;
import io.tideline.analytics.market.PoolSeries;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/**
 * A pool's bars laid out once for any number of backtests: each bar's close time, close tick, close sqrt price as
 * {@link Uint256} limbs and its square (what valuing token0 in token1 multiplies by). Built by {@link #of(PoolSeries)}
 * and read-only after, so a grid of strategies (threads included) shares one tape instead of recomputing these per
 * strategy and per bar. {@link #slice(int, int)} is a window of the same arrays, copying nothing.
 */
public final class BarTape {

    private final PoolSeries series;
    private final Instant[] ends;
    private final long[][] closeSqrtLimbs;
    private final BigInteger[] priceSquared;
    private final int from;
    private final int to;

    private BarTape(PoolSeries series, Instant[] ends, long[][] closeSqrtLimbs, BigInteger[] priceSquared, int from,
                    int to) {
        this.series = series;
        this.ends = ends;
        this.closeSqrtLimbs = closeSqrtLimbs;
        this.priceSquared = priceSquared;
        this.from = from;
        this.to = to;
    }

    /** Lays out {@code series}' bars (one pass; the bars themselves are shared, not copied). */
    public static BarTape of(PoolSeries series) {
        List<Bar> bars = series.bars();
        int n = bars.size();
        Instant[] ends = new Instant[n];
        long[][] limbs = new long[n][];
        BigInteger[] squares = new BigInteger[n];
        for (int i = 0; i < n; i++) {
            Bar bar = bars.get(i);
            ends[i] = bar.end();
            BigInteger sqrt = bar.closeSqrtPriceX96();
            // Consecutive bars often close at the same price (no swaps): share the previous bar's figures.
            if (i > 0 && sqrt.equals(bars.get(i - 1).closeSqrtPriceX96())) {
                limbs[i] = limbs[i - 1];
                squares[i] = squares[i - 1];
            } else {
                limbs[i] = Uint256.of(sqrt);
                squares[i] = sqrt.multiply(sqrt);
            }
        }
        return new BarTape(series, ends, limbs, squares, 0, n);
    }

    /** Bars [from, to) of this tape (indices relative to it), sharing its arrays. */
    public BarTape slice(int sliceFrom, int sliceTo) {
        if (sliceFrom < 0 || sliceTo > size() || sliceFrom > sliceTo) {
            throw new IndexOutOfBoundsException("slice [" + sliceFrom + ", " + sliceTo + ") of " + size() + " bars");
        }
        return new BarTape(series, ends, closeSqrtLimbs, priceSquared, from + sliceFrom, from + sliceTo);
    }

    public int size() {
        return to - from;
    }

    public int feePips() {
        return series.feePips();
    }

    public int tickSpacing() {
        return series.tickSpacing();
    }

    public int decimals1() {
        return series.decimals1();
    }

    public BarInterval interval() {
        return series.interval();
    }

    public Bar bar(int i) {
        return series.bars().get(from + i);
    }

    Instant end(int i) {
        return ends[from + i];
    }

    /** The close sqrt price's limbs; shared, never to be written. */
    long[] closeSqrtLimbs(int i) {
        return closeSqrtLimbs[from + i];
    }

    BigInteger closePriceSquared(int i) {
        return priceSquared[from + i];
    }
}

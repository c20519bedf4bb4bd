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
 * {@link Uint256} limbs and its square (what valuing token0 in token1 multiplies by) as limbs, and the figures the
 * fee share reads (input volumes, in-range liquidity) as longs where they fit. Built by
 * {@link #of(PoolSeries)} and read-only after, so a grid of strategies (threads included) shares one tape instead of
 * recomputing these per strategy and per bar. {@link #slice(int, int)} is a window of the same arrays, copying
 * nothing.
 */
public final class BarTape {

    /** What {@link #volume} and {@link #liquidityHigh} answer for a figure that does not fit. */
    static final long UNKNOWN = -1;

    private final PoolSeries series;
    private final Instant[] ends;
    private final long[][] closeSqrtLimbs;
    private final long[][] priceSquaredLimbs;
    private final long[] volumes;
    private final long[] liquidities;
    private final int from;
    private final int to;

    private BarTape(PoolSeries series, Instant[] ends, long[][] closeSqrtLimbs, long[][] priceSquaredLimbs,
                    long[] volumes, long[] liquidities, int from, int to) {
        this.series = series;
        this.ends = ends;
        this.closeSqrtLimbs = closeSqrtLimbs;
        this.priceSquaredLimbs = priceSquaredLimbs;
        this.volumes = volumes;
        this.liquidities = liquidities;
        this.from = from;
        this.to = to;
    }

    /** Lays out {@code series}' bars (one pass; the bars themselves are shared, not copied). */
    public static BarTape of(PoolSeries series) {
        List<Bar> bars = series.bars();
        int n = bars.size();
        Instant[] ends = new Instant[n];
        long[][] limbs = new long[n][];
        long[][] squareLimbs = new long[n][];
        long[] scratch = new long[BarMath.SCRATCH];
        long[] volumes = new long[2 * n];
        long[] liquidities = new long[2 * n];
        for (int i = 0; i < n; i++) {
            Bar bar = bars.get(i);
            ends[i] = bar.end();
            volumes[2 * i] = smallOrUnknown(bar.volume0In());
            volumes[2 * i + 1] = smallOrUnknown(bar.volume1In());
            if (i > 0 && bar.liquidity().equals(bars.get(i - 1).liquidity())) {
                liquidities[2 * i] = liquidities[2 * i - 2];
                liquidities[2 * i + 1] = liquidities[2 * i - 1];
            } else if (!BarMath.toUnsigned128(bar.liquidity(), liquidities, 2 * i) || liquidities[2 * i] < 0) {
                liquidities[2 * i] = UNKNOWN;
            }
            BigInteger sqrt = bar.closeSqrtPriceX96();
            // Consecutive bars often close at the same price (no swaps): share the previous bar's figures.
            if (i > 0 && sqrt.equals(bars.get(i - 1).closeSqrtPriceX96())) {
                limbs[i] = limbs[i - 1];
                squareLimbs[i] = squareLimbs[i - 1];
            } else {
                limbs[i] = Uint256.of(sqrt);
                long[] square = Uint256.zero();
                squareLimbs[i] = BarMath.square(limbs[i], square, scratch) ? square : null;
            }
        }
        return new BarTape(series, ends, limbs, squareLimbs, volumes, liquidities, 0, n);
    }

    private static long smallOrUnknown(BigInteger value) {
        return value.bitLength() < 64 ? value.longValue() : UNKNOWN;
    }

    /** Bars [from, to) of this tape (indices relative to it), sharing its arrays. */
    public BarTape slice(int sliceFrom, int sliceTo) {
        if (sliceFrom < 0 || sliceTo > size() || sliceFrom > sliceTo) {
            throw new IndexOutOfBoundsException("slice [" + sliceFrom + ", " + sliceTo + ") of " + size() + " bars");
        }
        return new BarTape(series, ends, closeSqrtLimbs, priceSquaredLimbs, volumes, liquidities,
                from + sliceFrom, from + sliceTo);
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

    /** The close sqrt price squared (made from the limbs on each call: the per-bar path reads those). */
    BigInteger closePriceSquared(int i) {
        long[] square = priceSquaredLimbs[from + i];
        if (square != null) {
            return Uint256.toBigInteger(square);
        }
        BigInteger sqrt = bar(i).closeSqrtPriceX96();
        return sqrt.multiply(sqrt);
    }

    /** The close sqrt price squared as four limbs (shared, never to be written), or null if over 256 bits. */
    long[] closePriceSquaredLimbs(int i) {
        return priceSquaredLimbs[from + i];
    }

    /** Token {@code token}'s input volume of bar i, or {@link #UNKNOWN} if it does not fit a long. */
    long volume(int i, int token) {
        return volumes[2 * (from + i) + token];
    }

    /** The high half of bar i's liquidity (a uint128 under 2^127), or {@link #UNKNOWN} if over. */
    long liquidityHigh(int i) {
        return liquidities[2 * (from + i)];
    }

    long liquidityLow(int i) {
        return liquidities[2 * (from + i) + 1];
    }
}

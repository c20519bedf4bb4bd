package io.tideline.analytics.market;

import io.tideline.amm.TickMath;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Candles from a pool's swaps, at any {@link BarInterval}: a regular series with one bar per interval from the first
 * swap's bar to the last's; an interval without swaps repeats the last close with no volume. Pure.
 */
public final class Candles {

    private Candles() {
    }

    /**
     * @param swaps        in time order
     * @param openingPrice the pool's sqrt price before the first swap (the first bar's open); null: the first swap's
     */
    public static List<Bar> fromSwaps(List<Swap> swaps, BarInterval interval, BigInteger openingPrice) {
        List<Bar> bars = new ArrayList<>();
        if (swaps.isEmpty()) {
            return bars;
        }
        BigInteger prevPrice = openingPrice != null ? openingPrice : swaps.get(0).sqrtPriceX96();
        int prevTick = TickMath.getTickAtSqrtRatio(prevPrice);
        BigInteger prevLiquidity = swaps.get(0).liquidity();
        long barStart = interval.startOf(swaps.get(0).at().getEpochSecond());
        int i = 0;
        Instant last = swaps.get(0).at();
        while (i < swaps.size()) {
            long barEnd = barStart + interval.seconds();
            BigInteger open = prevPrice;
            int low = prevTick;
            int high = prevTick;
            BigInteger v0 = BigInteger.ZERO;
            BigInteger v1 = BigInteger.ZERO;
            int count = 0;
            while (i < swaps.size() && swaps.get(i).at().getEpochSecond() < barEnd) {
                Swap s = swaps.get(i);
                if (s.at().isBefore(last)) {
                    throw new IllegalArgumentException("swaps are not in time order at " + s.at());
                }
                last = s.at();
                low = Math.min(low, s.tick());
                high = Math.max(high, s.tick());
                v0 = v0.add(s.amount0In());
                v1 = v1.add(s.amount1In());
                prevPrice = s.sqrtPriceX96();
                prevTick = s.tick();
                prevLiquidity = s.liquidity();
                count++;
                i++;
            }
            bars.add(new Bar(Instant.ofEpochSecond(barStart), interval, open, low, high, prevPrice, prevTick, v0, v1,
                    prevLiquidity, count));
            barStart = barEnd;
        }
        return bars;
    }

    /** Coarser bars from finer ones ({@code to} a whole multiple of the bars' interval). */
    public static List<Bar> resample(List<Bar> bars, BarInterval to) {
        List<Bar> out = new ArrayList<>();
        int i = 0;
        while (i < bars.size()) {
            Bar first = bars.get(i);
            if (to.seconds() % first.interval().seconds() != 0) {
                throw new IllegalArgumentException(to + " is not a multiple of " + first.interval());
            }
            long start = to.startOf(first.start().getEpochSecond());
            long end = start + to.seconds();
            int low = first.lowTick();
            int high = first.highTick();
            BigInteger v0 = BigInteger.ZERO;
            BigInteger v1 = BigInteger.ZERO;
            int count = 0;
            Bar lastBar = first;
            while (i < bars.size() && bars.get(i).start().getEpochSecond() < end) {
                Bar b = bars.get(i);
                low = Math.min(low, b.lowTick());
                high = Math.max(high, b.highTick());
                v0 = v0.add(b.volume0In());
                v1 = v1.add(b.volume1In());
                count += b.swaps();
                lastBar = b;
                i++;
            }
            out.add(new Bar(Instant.ofEpochSecond(start), to, first.openSqrtPriceX96(), low, high,
                    lastBar.closeSqrtPriceX96(), lastBar.closeTick(), v0, v1, lastBar.liquidity(), count));
        }
        return out;
    }
}

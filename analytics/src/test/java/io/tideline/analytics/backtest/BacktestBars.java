package io.tideline.analytics.backtest;

import io.tideline.amm.TickMath;
import io.tideline.analytics.market.Bar;
import io.tideline.analytics.market.BarInterval;
import io.tideline.analytics.market.PoolSeries;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Bars for backtest tests: 1-minute bars of a 0.3 % pool (spacing 60, 18/18 decimals) from 2026-01-01. */
final class BacktestBars {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final int FEE = 3000;

    private BacktestBars() {
    }

    static Bar bar(int i, int low, int high, int close, long volume0, long volume1, BigInteger liquidity) {
        return new Bar(T0.plusSeconds(60L * i), BarInterval.M1, TickMath.getSqrtRatioAtTick(close), low, high,
                TickMath.getSqrtRatioAtTick(close), close, BigInteger.valueOf(volume0), BigInteger.valueOf(volume1),
                liquidity, 1);
    }

    static Bar flat(int i, int tick, long volume1) {
        return bar(i, tick, tick, tick, 0, volume1, BigInteger.ZERO);
    }

    static PoolSeries series(List<Bar> bars) {
        return new PoolSeries("pool", FEE, 60, 18, 18, BarInterval.M1, bars);
    }

    /** A random walk of close ticks from {@code from} (bar index) on, continuing {@code start}. */
    static List<Bar> walk(List<Bar> prefix, int count, long seed) {
        Random random = new Random(seed);
        List<Bar> bars = new ArrayList<>(prefix);
        int tick = prefix.isEmpty() ? 0 : prefix.get(prefix.size() - 1).closeTick();
        for (int i = prefix.size(); i < count; i++) {
            int next = tick + random.nextInt(61) - 30;
            bars.add(bar(i, Math.min(tick, next), Math.max(tick, next), next, random.nextInt(1_000_000_000),
                    random.nextInt(1_000_000_000), BigInteger.valueOf(random.nextInt(1 << 30))
                            .shiftLeft(40)));
            tick = next;
        }
        return bars;
    }
}

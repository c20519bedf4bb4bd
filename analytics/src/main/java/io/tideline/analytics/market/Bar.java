package io.tideline.analytics.market;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * A candle of one pool: the price at its open and close (Q64.96 sqrt price and tick), the lowest and highest tick it
 * reached, the input volume of each token (raw units, fees included: what swappers paid in), the pool's in-range
 * liquidity at the close, and how many swaps it holds. A bar without swaps repeats the previous close.
 */
public record Bar(Instant start, BarInterval interval, BigInteger openSqrtPriceX96, int lowTick, int highTick,
                  BigInteger closeSqrtPriceX96, int closeTick, BigInteger volume0In, BigInteger volume1In,
                  BigInteger liquidity, int swaps) {

    public Bar {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(openSqrtPriceX96, "openSqrtPriceX96");
        Objects.requireNonNull(closeSqrtPriceX96, "closeSqrtPriceX96");
        Objects.requireNonNull(volume0In, "volume0In");
        Objects.requireNonNull(volume1In, "volume1In");
        Objects.requireNonNull(liquidity, "liquidity");
        if (lowTick > highTick || closeTick < lowTick || closeTick > highTick) {
            throw new IllegalArgumentException("bar at " + start + ": close tick " + closeTick + " outside [low "
                    + lowTick + ", high " + highTick + "]");
        }
        if (volume0In.signum() < 0 || volume1In.signum() < 0 || liquidity.signum() < 0) {
            throw new IllegalArgumentException("bar at " + start + ": volumes and liquidity must not be negative");
        }
    }

    /** When the bar closes: its start plus its width. */
    public Instant end() {
        return start.plusSeconds(interval.seconds());
    }
}

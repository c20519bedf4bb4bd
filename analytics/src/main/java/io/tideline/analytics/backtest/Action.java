package io.tideline.analytics.backtest;

import java.math.BigInteger;
import java.time.Instant;

/**
 * One decision a backtest took, at the step whose data it saw last ({@code step}: the bar's or swap's index; the
 * opening of a swap replay is step −1): a position opened or closed (its range, liquidity and amounts, raw) or the
 * hedge re-sized ({@code hedge}: the short's size after, raw token0). {@code cost}: gas, slippage or perp fee paid
 * (raw token1).
 */
public record Action(int step, Instant at, Kind kind, Range range, BigInteger liquidity, BigInteger amount0,
                     BigInteger amount1, BigInteger hedge, BigInteger cost) {

    public enum Kind { OPEN, CLOSE, HEDGE }
}

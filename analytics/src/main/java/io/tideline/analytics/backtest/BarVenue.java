package io.tideline.analytics.backtest;

import io.tideline.amm.LiquidityAmounts;
import io.tideline.amm.SqrtPriceMath;
import io.tideline.amm.TickMath;
import io.tideline.amm.TokenAmounts;
import io.tideline.amm.Uint256;
import io.tideline.analytics.market.Bar;
import java.math.BigInteger;
import java.time.Instant;

/**
 * Bars as a venue. The position does not move the recorded price; in a bar it earns
 * {@code volumeIn × fee × L / (L_pool + L) × overlap} of each token (rounded down), where L_pool is the bar's
 * in-range liquidity without the position and overlap is the share of the bar's [low, high] tick span inside the
 * range (1 or 0 for a bar that did not move). Fees of bar i+1 go to the position open at bar i's close.
 *
 * <p>The per-bar path allocates little: the bars' close prices and their squares come laid out from a shared
 * {@link BarTape}; out of range the position's amounts do not move with the price and are computed once per side;
 * in range they are shared-amm's limb overloads over the tape's limbs (the same integers as the BigInteger API).
 */
final class BarVenue implements Venue {

    private static final BigInteger PIPS = BigInteger.valueOf(1_000_000);
    private static final TokenAmounts NONE = new TokenAmounts(BigInteger.ZERO, BigInteger.ZERO);

    private final BarTape tape;
    private final BigInteger feePips;
    private final int spacing;
    private int at;
    private Range range;
    private BigInteger sqrtA;
    private BigInteger sqrtB;
    private BigInteger liquidity = BigInteger.ZERO;
    private BigInteger fees0 = BigInteger.ZERO;
    private BigInteger fees1 = BigInteger.ZERO;
    // The open position, laid out once: fee × L, the bounds and L as limbs, its amounts out of range (lazily).
    private BigInteger feeTimesLiquidity;
    private final long[] sqrtALimbs = Uint256.zero();
    private final long[] sqrtBLimbs = Uint256.zero();
    private final long[] liquidityLimbs = Uint256.zero();
    private final long[] amount0Limbs = Uint256.zero();
    private final long[] amount1Limbs = Uint256.zero();
    private TokenAmounts below;
    private TokenAmounts above;
    private TokenAmounts amountsNow;
    private int amountsNowAt = -1;

    BarVenue(BarTape tape, int feePips) {
        if (tape.size() == 0) {
            throw new IllegalArgumentException("the series has no bars");
        }
        this.tape = tape;
        this.feePips = BigInteger.valueOf(feePips);
        this.spacing = tape.tickSpacing();
    }

    @Override
    public int steps() {
        return tape.size() - 1;
    }

    @Override
    public int seriesIndex(int i) {
        return i + 1;
    }

    @Override
    public void advance(int i) {
        at = i + 1;
        if (range == null) {
            return;
        }
        Bar bar = tape.bar(at);
        boolean has0 = bar.volume0In().signum() > 0;
        boolean has1 = bar.volume1In().signum() > 0;
        if (!has0 && !has1) {
            return;
        }
        long num;
        long den;
        if (bar.lowTick() == bar.highTick()) {
            num = range.contains(bar.lowTick()) ? 1 : 0;
            den = 1;
        } else {
            num = Math.max(0, (long) Math.min(bar.highTick(), range.upper()) - Math.max(bar.lowTick(), range.lower()));
            den = (long) bar.highTick() - bar.lowTick();
        }
        if (num == 0) {
            return;
        }
        // volumeIn × fee × L × num / (PIPS × (L_pool + L) × den), rounded down; num/den = 1 for a bar wholly inside.
        BigInteger total = bar.liquidity().add(liquidity);
        BigInteger factor = num == den ? feeTimesLiquidity : feeTimesLiquidity.multiply(BigInteger.valueOf(num));
        BigInteger denominator = total.multiply(num == den ? PIPS : BigInteger.valueOf(1_000_000L * den));
        if (has0) {
            fees0 = fees0.add(bar.volume0In().multiply(factor).divide(denominator));
        }
        if (has1) {
            fees1 = fees1.add(bar.volume1In().multiply(factor).divide(denominator));
        }
    }

    @Override
    public Instant time() {
        return tape.end(at);
    }

    @Override
    public BigInteger sqrtPriceX96() {
        return tape.bar(at).closeSqrtPriceX96();
    }

    @Override
    public BigInteger priceSquared() {
        return tape.closePriceSquared(at);
    }

    @Override
    public int tick() {
        return tape.bar(at).closeTick();
    }

    @Override
    public int tickSpacing() {
        return spacing;
    }

    @Override
    public Opened open(Range r, BigInteger amount0Desired, BigInteger amount1Desired) {
        range = r;
        sqrtA = TickMath.getSqrtRatioAtTick(r.lower());
        sqrtB = TickMath.getSqrtRatioAtTick(r.upper());
        liquidity = LiquidityAmounts.getLiquidityForAmounts(sqrtPriceX96(), sqrtA, sqrtB, amount0Desired,
                amount1Desired);
        feeTimesLiquidity = feePips.multiply(liquidity);
        Uint256.set(sqrtALimbs, sqrtA);
        Uint256.set(sqrtBLimbs, sqrtB);
        Uint256.set(liquidityLimbs, liquidity);
        below = null;
        above = null;
        amountsNowAt = -1;
        TokenAmounts paid = amountsAt(liquidity, true);
        return new Opened(liquidity, paid.amount0(), paid.amount1());
    }

    @Override
    public Closed close() {
        Closed closed = new Closed(amounts(), new TokenAmounts(fees0, fees1));
        range = null;
        liquidity = BigInteger.ZERO;
        fees0 = BigInteger.ZERO;
        fees1 = BigInteger.ZERO;
        amountsNowAt = -1;
        return closed;
    }

    @Override
    public TokenAmounts amounts() {
        if (range == null) {
            return NONE;
        }
        int tick = tick();
        if (tick < range.lower()) {
            if (below == null) {
                below = new TokenAmounts(SqrtPriceMath.getAmount0Delta(sqrtA, sqrtB, liquidity, false),
                        BigInteger.ZERO);
            }
            return below;
        }
        if (tick >= range.upper()) {
            if (above == null) {
                above = new TokenAmounts(BigInteger.ZERO,
                        SqrtPriceMath.getAmount1Delta(sqrtA, sqrtB, liquidity, false));
            }
            return above;
        }
        if (amountsNowAt != at) {
            long[] sqrt = tape.closeSqrtLimbs(at);
            SqrtPriceMath.getAmount0Delta(sqrt, sqrtBLimbs, liquidityLimbs, false, amount0Limbs);
            SqrtPriceMath.getAmount1Delta(sqrtALimbs, sqrt, liquidityLimbs, false, amount1Limbs);
            amountsNow = new TokenAmounts(Uint256.toBigInteger(amount0Limbs), Uint256.toBigInteger(amount1Limbs));
            amountsNowAt = at;
        }
        return amountsNow;
    }

    @Override
    public TokenAmounts fees() {
        return new TokenAmounts(fees0, fees1);
    }

    /** As the pool settles a mint (rounded up) or a burn (down), deciding in or out of range by tick as it does. */
    private TokenAmounts amountsAt(BigInteger l, boolean up) {
        int tick = tick();
        BigInteger sqrt = sqrtPriceX96();
        if (tick < range.lower()) {
            return new TokenAmounts(SqrtPriceMath.getAmount0Delta(sqrtA, sqrtB, l, up), BigInteger.ZERO);
        }
        if (tick < range.upper()) {
            return new TokenAmounts(SqrtPriceMath.getAmount0Delta(sqrt, sqrtB, l, up),
                    SqrtPriceMath.getAmount1Delta(sqrtA, sqrt, l, up));
        }
        return new TokenAmounts(BigInteger.ZERO, SqrtPriceMath.getAmount1Delta(sqrtA, sqrtB, l, up));
    }
}

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
 * <p>The per-bar path allocates nothing in the common case: the bars' close prices, their squares, volumes and
 * liquidity come laid out from a shared {@link BarTape}; the fee share is {@link BarMath#mulDiv} on longs where its
 * operands fit (BigInteger otherwise: the same integer) and is summed in {@link ExactSum}s; out of range the
 * position's amounts do not move with the price and are computed once per side; in range they are shared-amm's limb
 * overloads over the tape's limbs (the same integers as the BigInteger API), handed to the backtester as longs by
 * {@link #position(long[])} and made BigIntegers only when asked.
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
    private final ExactSum fees0 = new ExactSum();
    private final ExactSum fees1 = new ExactSum();
    // The open position, laid out once: fee × L, the bounds and L as limbs, its amounts out of range (lazily).
    private BigInteger feeTimesLiquidity;
    private boolean shareOnLongs;
    private long liquidityHigh;
    private long liquidityLow;
    private long factorHigh;
    private long factorLow;
    private final long[] work = new long[4];
    private final long[] sqrtALimbs = Uint256.zero();
    private final long[] sqrtBLimbs = Uint256.zero();
    private final long[] liquidityLimbs = Uint256.zero();
    private final long[] amount0Limbs = Uint256.zero();
    private final long[] amount1Limbs = Uint256.zero();
    private TokenAmounts below;
    private TokenAmounts above;
    private final long[] belowLongs = new long[3];
    private final long[] aboveLongs = new long[3];
    private boolean belowFits;
    private boolean aboveFits;
    private TokenAmounts amountsNow;
    private int amountsNowAt = -1;
    private BigInteger priceSquared;
    private int priceSquaredAt = -1;

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
        long volume0 = tape.volume(at, 0);
        long volume1 = tape.volume(at, 1);
        if (volume0 == 0 && volume1 == 0) {
            return;
        }
        Bar bar = tape.bar(at);
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
        if (!shareOnLongs || volume0 == BarTape.UNKNOWN || volume1 == BarTape.UNKNOWN
                || !shareOnLongs(volume0, volume1, num, den)) {
            share(bar, num, den);
        }
    }

    /** The fee share of both tokens on longs, added if both fit; false (nothing added) otherwise. */
    private boolean shareOnLongs(long volume0, long volume1, long num, long den) {
        long poolHigh = tape.liquidityHigh(at);
        if (poolHigh == BarTape.UNKNOWN) {
            return false;
        }
        // L_pool + L: both under 2^127, so the sum fits 128 bits
        long poolLow = tape.liquidityLow(at);
        long totalLow = poolLow + liquidityLow;
        long totalHigh = poolHigh + liquidityHigh + (Long.compareUnsigned(totalLow, poolLow) < 0 ? 1 : 0);
        if (num != den && !BarMath.multiply128(factorHigh, factorLow, num, work, 0)) {
            return false;
        }
        long fHigh = num == den ? factorHigh : work[0];
        long fLow = num == den ? factorLow : work[1];
        if (!BarMath.multiply128(totalHigh, totalLow, num == den ? 1_000_000L : 1_000_000L * den, work, 2)) {
            return false;
        }
        long q0 = volume0 == 0 ? 0 : BarMath.mulDiv(volume0, fHigh, fLow, work[2], work[3]);
        long q1 = volume1 == 0 ? 0 : BarMath.mulDiv(volume1, fHigh, fLow, work[2], work[3]);
        if (q0 == BarMath.NO_FIT || q1 == BarMath.NO_FIT) {
            return false;
        }
        fees0.add(q0);
        fees1.add(q1);
        return true;
    }

    /** The fee share with BigIntegers, for figures beyond the longs. */
    private void share(Bar bar, long num, long den) {
        // volumeIn × fee × L × num / (PIPS × (L_pool + L) × den), rounded down; num/den = 1 for a bar wholly inside.
        BigInteger total = bar.liquidity().add(liquidity);
        BigInteger factor = num == den ? feeTimesLiquidity : feeTimesLiquidity.multiply(BigInteger.valueOf(num));
        BigInteger denominator = total.multiply(num == den ? PIPS : BigInteger.valueOf(1_000_000L * den));
        if (bar.volume0In().signum() > 0) {
            fees0.add(bar.volume0In().multiply(factor).divide(denominator));
        }
        if (bar.volume1In().signum() > 0) {
            fees1.add(bar.volume1In().multiply(factor).divide(denominator));
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
        if (priceSquaredAt != at) {
            priceSquared = tape.closePriceSquared(at);
            priceSquaredAt = at;
        }
        return priceSquared;
    }

    @Override
    public long[] priceSquaredLimbs() {
        return tape.closePriceSquaredLimbs(at);
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
        shareOnLongs = liquidity.bitLength() < 127 && BarMath.toUnsigned128(liquidity, work, 0)
                && BarMath.toUnsigned128(feeTimesLiquidity, work, 2);
        liquidityHigh = work[0];
        liquidityLow = work[1];
        factorHigh = work[2];
        factorLow = work[3];
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
        Closed closed = new Closed(amounts(), fees());
        range = null;
        liquidity = BigInteger.ZERO;
        fees0.clear();
        fees1.clear();
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
            return below();
        }
        if (tick >= range.upper()) {
            return above();
        }
        layInRange();
        if (amountsNow == null) {
            amountsNow = new TokenAmounts(Uint256.toBigInteger(amount0Limbs), Uint256.toBigInteger(amount1Limbs));
        }
        return amountsNow;
    }

    @Override
    public TokenAmounts fees() {
        return new TokenAmounts(fees0.value(), fees1.value());
    }

    @Override
    public boolean position(long[] out) {
        if (!fees0.isSmall() || !fees1.isSmall()) {
            return false;
        }
        out[3] = fees0.small();
        out[4] = fees1.small();
        if (range == null) {
            out[0] = 0;
            out[1] = 0;
            out[2] = 0;
            return true;
        }
        int tick = tick();
        if (tick < range.lower() || tick >= range.upper()) {
            long[] side;
            if (tick < range.lower()) {
                below();
                side = belowFits ? belowLongs : null;
            } else {
                above();
                side = aboveFits ? aboveLongs : null;
            }
            if (side == null) {
                return false;
            }
            out[0] = side[0];
            out[1] = side[1];
            out[2] = side[2];
            return true;
        }
        layInRange();
        if ((amount0Limbs[2] | amount0Limbs[3] | amount1Limbs[1] | amount1Limbs[2] | amount1Limbs[3]) != 0
                || amount1Limbs[0] < 0) {
            return false;
        }
        out[0] = amount0Limbs[1];
        out[1] = amount0Limbs[0];
        out[2] = amount1Limbs[0];
        return true;
    }

    /** The amounts below the range (all token0), computed once per position. */
    private TokenAmounts below() {
        if (below == null) {
            below = new TokenAmounts(SqrtPriceMath.getAmount0Delta(sqrtA, sqrtB, liquidity, false), BigInteger.ZERO);
            belowFits = fitLongs(below, belowLongs);
        }
        return below;
    }

    /** The amounts above the range (all token1), computed once per position. */
    private TokenAmounts above() {
        if (above == null) {
            above = new TokenAmounts(BigInteger.ZERO, SqrtPriceMath.getAmount1Delta(sqrtA, sqrtB, liquidity, false));
            aboveFits = fitLongs(above, aboveLongs);
        }
        return above;
    }

    private static boolean fitLongs(TokenAmounts amounts, long[] out) {
        if (!BarMath.toUnsigned128(amounts.amount0(), out, 0) || amounts.amount1().bitLength() > 63) {
            return false;
        }
        out[2] = amounts.amount1().longValue();
        return true;
    }

    /** The in-range amounts at this bar as limbs, once per bar. */
    private void layInRange() {
        if (amountsNowAt != at) {
            long[] sqrt = tape.closeSqrtLimbs(at);
            SqrtPriceMath.getAmount0Delta(sqrt, sqrtBLimbs, liquidityLimbs, false, amount0Limbs);
            SqrtPriceMath.getAmount1Delta(sqrtALimbs, sqrt, liquidityLimbs, false, amount1Limbs);
            amountsNow = null;
            amountsNowAt = at;
        }
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

package io.tideline.analytics.backtest;

import io.tideline.amm.LiquidityAmounts;
import io.tideline.amm.SqrtPriceMath;
import io.tideline.amm.TickMath;
import io.tideline.amm.TokenAmounts;
import io.tideline.analytics.market.Bar;
import io.tideline.analytics.market.PoolSeries;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/**
 * Bars as a venue. The position does not move the recorded price; in a bar it earns
 * {@code volumeIn × fee × L / (L_pool + L) × overlap} of each token (rounded down), where L_pool is the bar's
 * in-range liquidity without the position and overlap is the share of the bar's [low, high] tick span inside the
 * range (1 or 0 for a bar that did not move). Fees of bar i+1 go to the position open at bar i's close.
 */
final class BarVenue implements Venue {

    private static final BigInteger PIPS = BigInteger.valueOf(1_000_000);

    private final List<Bar> bars;
    private final BigInteger feePips;
    private final int spacing;
    private int at;
    private Range range;
    private BigInteger sqrtA;
    private BigInteger sqrtB;
    private BigInteger liquidity = BigInteger.ZERO;
    private BigInteger fees0 = BigInteger.ZERO;
    private BigInteger fees1 = BigInteger.ZERO;

    BarVenue(PoolSeries series, int feePips) {
        if (series.bars().isEmpty()) {
            throw new IllegalArgumentException("the series has no bars");
        }
        this.bars = series.bars();
        this.feePips = BigInteger.valueOf(feePips);
        this.spacing = series.tickSpacing();
    }

    @Override
    public int steps() {
        return bars.size() - 1;
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
        Bar bar = bars.get(at);
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
        BigInteger total = bar.liquidity().add(liquidity);
        BigInteger denominator = PIPS.multiply(total).multiply(BigInteger.valueOf(den));
        BigInteger factor = feePips.multiply(liquidity).multiply(BigInteger.valueOf(num));
        if (bar.volume0In().signum() > 0) {
            fees0 = fees0.add(bar.volume0In().multiply(factor).divide(denominator));
        }
        if (bar.volume1In().signum() > 0) {
            fees1 = fees1.add(bar.volume1In().multiply(factor).divide(denominator));
        }
    }

    @Override
    public Instant time() {
        return bars.get(at).end();
    }

    @Override
    public BigInteger sqrtPriceX96() {
        return bars.get(at).closeSqrtPriceX96();
    }

    @Override
    public int tick() {
        return bars.get(at).closeTick();
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
        return closed;
    }

    @Override
    public TokenAmounts amounts() {
        return range == null ? new TokenAmounts(BigInteger.ZERO, BigInteger.ZERO) : amountsAt(liquidity, false);
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

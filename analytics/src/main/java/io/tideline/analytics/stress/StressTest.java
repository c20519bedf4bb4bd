package io.tideline.analytics.stress;

import io.tideline.amm.LiquidityAmounts;
import io.tideline.amm.PriceMath;
import io.tideline.amm.TickMath;
import io.tideline.amm.TokenAmounts;
import io.tideline.analytics.portfolio.Money;
import io.tideline.analytics.portfolio.TokenPair;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Values LP positions and their hedges at moves of the volatile token's dollar price with shared-amm's exact Uniswap
 * v3 math; pure.
 *
 * <p>A shock s moves the volatile token's dollar price by the factor (1 + s). The pool price (token1 per token0) moves
 * by (1 + s) when token1 is the dollar and by 1 / (1 + s) when token0 is (a pool without a dollar token is moved as if
 * token1 were). The moved sqrt price is {@code PriceMath.getSqrtRatioAtPrice} (rounded down), held inside the prices
 * a pool can hold; the amounts are {@code LiquidityAmounts.getAmountsForLiquidity} at it. The hedge mark moves by the
 * same factor (the hedge is on the volatile token).
 */
public final class StressTest {

    /** The shocks: ±5, 10, 20 and 50 %. */
    public static final List<BigDecimal> SHOCKS = List.of(new BigDecimal("-0.50"), new BigDecimal("-0.20"),
            new BigDecimal("-0.10"), new BigDecimal("-0.05"), new BigDecimal("0.05"), new BigDecimal("0.10"),
            new BigDecimal("0.20"), new BigDecimal("0.50"));

    private StressTest() {
    }

    public static List<StressResult> run(LpShape position, List<BigDecimal> shocks) {
        List<StressResult> out = new ArrayList<>();
        for (BigDecimal shock : shocks) {
            out.add(at(position, shock));
        }
        return out;
    }

    public static StressResult at(LpShape p, BigDecimal shock) {
        if (shock.compareTo(BigDecimal.ONE.negate()) <= 0) {
            throw new IllegalArgumentException("shock must be above -1 (a price cannot reach zero), was " + shock);
        }
        TokenPair t = p.tokens();
        BigDecimal factor = BigDecimal.ONE.add(shock);
        BigDecimal moved = t.dollar() == TokenPair.Dollar.TOKEN0
                ? p.price().divide(factor, 36, RoundingMode.HALF_EVEN)
                : p.price().multiply(factor);
        BigInteger sqrtNow = PriceMath.getSqrtRatioAtPrice(p.price(), t.decimals0(), t.decimals1());
        BigInteger sqrtMoved = clamp(PriceMath.getSqrtRatioAtPrice(moved, t.decimals0(), t.decimals1()));
        TokenAmounts before = LiquidityAmounts.getAmountsForLiquidity(clamp(sqrtNow), p.sqrtRatioLowerX96(),
                p.sqrtRatioUpperX96(), p.liquidity());
        TokenAmounts after = LiquidityAmounts.getAmountsForLiquidity(sqrtMoved, p.sqrtRatioLowerX96(),
                p.sqrtRatioUpperX96(), p.liquidity());
        BigDecimal valueNow = dollars(t, p.price(), before.amount0().add(p.uncollected0()),
                before.amount1().add(p.uncollected1()));
        BigDecimal valueMoved = dollars(t, moved, after.amount0().add(p.uncollected0()),
                after.amount1().add(p.uncollected1()));
        BigDecimal hedgeChange = Money.ZERO;
        if (p.hedge() != null && p.hedge().openQuantity().signum() != 0 && p.hedgeMark() != null) {
            BigDecimal markMoved = p.hedgeMark().multiply(factor);
            hedgeChange = Money.of(p.hedge().openQuantity().multiply(markMoved.subtract(p.hedgeMark())));
        }
        BigDecimal lpChange = valueMoved.subtract(valueNow);
        return new StressResult(p.strategyId(), shock, moved.stripTrailingZeros(), after.amount0(), after.amount1(),
                valueMoved, lpChange, hedgeChange, lpChange.add(hedgeChange));
    }

    private static BigDecimal dollars(TokenPair t, BigDecimal price, BigInteger amount0, BigInteger amount1) {
        return Money.of(t.token1InDollars(t.valueInToken1(amount0, amount1, price), price));
    }

    private static BigInteger clamp(BigInteger sqrt) {
        if (sqrt.compareTo(TickMath.MIN_SQRT_RATIO) < 0) {
            return TickMath.MIN_SQRT_RATIO;
        }
        BigInteger highest = TickMath.MAX_SQRT_RATIO.subtract(BigInteger.ONE);
        return sqrt.compareTo(highest) > 0 ? highest : sqrt;
    }
}

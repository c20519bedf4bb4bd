package io.tideline.analytics.rebalance;

import io.tideline.amm.LiquidityAmounts;
import io.tideline.amm.TickMath;
import io.tideline.amm.TokenAmounts;
import io.tideline.analytics.market.Bar;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/**
 * How a followed suggestion did, in raw token1 at the new position's latest price, from its mint to {@code asOf}:
 * the new position's result (fees earned plus impermanent loss) against the old range left alone with the same
 * capital (its impermanent loss plus the fees the recorded bars say it would have earned). Positive
 * {@code difference}: following did better.
 */
public record FollowUpOutcome(Instant since, Instant asOf, BigInteger capitalToken1, BigInteger followedToken1,
                              BigInteger leftAloneToken1, BigInteger leftAloneFeesToken1, BigInteger differenceToken1) {

    private static final BigInteger PIPS = BigInteger.valueOf(1_000_000);

    /** What the new position holds and has paid out (raw), with the price now and at its mint. */
    public record NewPosition(BigInteger deposited0, BigInteger deposited1, BigInteger amount0, BigInteger amount1,
                              BigInteger uncollected0, BigInteger uncollected1, BigInteger withdrawn0,
                              BigInteger withdrawn1, BigInteger feesCollected0, BigInteger feesCollected1,
                              BigInteger mintSqrtPriceX96, BigInteger sqrtPriceX96, Instant mintedAt,
                              Instant valuedAt) {
    }

    /**
     * followed = V(amounts + uncollected + withdrawn + fees collected) − V(deposited), both at the price now;
     * left alone: L' = the liquidity the deposit's value at the mint price buys in the old range there; its IL =
     * V(amounts of L' now) − V(amounts of L' at the mint), both valued now; its fees = Σ over the bars since the mint
     * of ⌊V_bar(volume) · fee · L' / (L_bar + L')⌋ for the bars whose close tick is inside the old range.
     */
    public static FollowUpOutcome of(NewPosition n, int oldLower, int oldUpper, int feePips, List<Bar> barsSince) {
        BigInteger now = n.sqrtPriceX96();
        BigInteger capital = RebalancePlanner.valueToken1(n.deposited0(), n.deposited1(), now);
        BigInteger followed = RebalancePlanner.valueToken1(
                n.amount0().add(n.uncollected0()).add(n.withdrawn0()).add(n.feesCollected0()),
                n.amount1().add(n.uncollected1()).add(n.withdrawn1()).add(n.feesCollected1()), now).subtract(capital);
        BigInteger atMint = RebalancePlanner.valueToken1(n.deposited0(), n.deposited1(), n.mintSqrtPriceX96());
        BigInteger l = RebalancePlanner.liquidityForValue(atMint, n.mintSqrtPriceX96(), oldLower, oldUpper);
        BigInteger sqrtA = TickMath.getSqrtRatioAtTick(oldLower);
        BigInteger sqrtB = TickMath.getSqrtRatioAtTick(oldUpper);
        TokenAmounts then = LiquidityAmounts.getAmountsForLiquidity(n.mintSqrtPriceX96(), sqrtA, sqrtB, l);
        TokenAmounts later = LiquidityAmounts.getAmountsForLiquidity(now, sqrtA, sqrtB, l);
        BigInteger il = RebalancePlanner.valueToken1(later.amount0(), later.amount1(), now)
                .subtract(RebalancePlanner.valueToken1(then.amount0(), then.amount1(), now));
        BigInteger fees = BigInteger.ZERO;
        for (Bar b : barsSince) {
            BigInteger denominator = b.liquidity().add(l);
            if (b.closeTick() < oldLower || b.closeTick() >= oldUpper || denominator.signum() == 0) {
                continue;
            }
            BigInteger volume = RebalancePlanner.valueToken1(b.volume0In(), b.volume1In(), b.closeSqrtPriceX96());
            fees = fees.add(volume.multiply(BigInteger.valueOf(feePips)).multiply(l)
                    .divide(PIPS.multiply(denominator)));
        }
        BigInteger leftAlone = il.add(fees);
        return new FollowUpOutcome(n.mintedAt(), n.valuedAt(), capital, followed, leftAlone, fees,
                followed.subtract(leftAlone));
    }
}

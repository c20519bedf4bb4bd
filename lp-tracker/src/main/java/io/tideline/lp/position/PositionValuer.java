package io.tideline.lp.position;

import io.tideline.amm.FeeGrowthInside;
import io.tideline.amm.LiquidityAmounts;
import io.tideline.amm.PositionFees;
import io.tideline.amm.TickMath;
import io.tideline.amm.TokenAmounts;
import io.tideline.events.lp.LpValued;
import io.tideline.lp.chain.UniswapAbi.OnChainPosition;
import io.tideline.lp.chain.UniswapAbi.Slot0;
import io.tideline.lp.chain.UniswapAbi.TickFeeGrowth;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

/**
 * Values a position from chain state read at one block, the way the pool itself would settle it:
 * <ul>
 * <li>amounts: {@code LiquidityAmounts.getAmountsForLiquidity} at the pool's sqrt price (rounded down, as a burn pays);</li>
 * <li>uncollected fees: the fees the pool would credit now ({@code getFeeGrowthInside} − the position's
 *     {@code feeGrowthInsideLast}, times liquidity — not the stale {@code tokensOwed}) plus the fees already credited
 *     to {@code tokensOwed}, less the withdrawn principal still waiting there to be collected;</li>
 * <li>value (token1): amounts + everything owed to the position (fees and uncollected principal), at the price;</li>
 * <li>impermanent loss (token1): the value of the amounts in the position now minus the value of holding what was put
 *     in and not taken out (deposits − withdrawals) instead, both at today's price. Negative is a loss; fees are not in
 *     it.</li>
 * </ul>
 */
public final class PositionValuer {

    private PositionValuer() {
    }

    /** The reads a valuation needs, all at {@code block}. */
    public record ChainState(Slot0 slot0, BigInteger feeGrowthGlobal0X128, BigInteger feeGrowthGlobal1X128,
                             TickFeeGrowth lower, TickFeeGrowth upper, OnChainPosition position) {
    }

    public static LpValued value(Position position, PoolState pool, ChainState state, long block, Instant time) {
        OnChainPosition onChain = state.position();
        BigInteger sqrtPrice = state.slot0().sqrtPriceX96();
        TokenAmounts amounts = LiquidityAmounts.getAmountsForLiquidity(sqrtPrice,
                TickMath.getSqrtRatioAtTick(position.tickLower()), TickMath.getSqrtRatioAtTick(position.tickUpper()),
                onChain.liquidity());
        FeeGrowthInside inside = PositionFees.getFeeGrowthInside(position.tickLower(), position.tickUpper(),
                state.slot0().tick(), state.feeGrowthGlobal0X128(), state.feeGrowthGlobal1X128(),
                state.lower().feeGrowthOutside0X128(), state.lower().feeGrowthOutside1X128(),
                state.upper().feeGrowthOutside0X128(), state.upper().feeGrowthOutside1X128());
        BigInteger owed0 = onChain.tokensOwed0().add(PositionFees.getTokensOwed(inside.feeGrowthInside0X128(),
                onChain.feeGrowthInside0LastX128(), onChain.liquidity()));
        BigInteger owed1 = onChain.tokensOwed1().add(PositionFees.getTokensOwed(inside.feeGrowthInside1X128(),
                onChain.feeGrowthInside1LastX128(), onChain.liquidity()));
        BigInteger fees0 = owed0.subtract(position.principalOwed0()).max(BigInteger.ZERO);
        BigInteger fees1 = owed1.subtract(position.principalOwed1()).max(BigInteger.ZERO);
        BigDecimal price = TokenValue.price(sqrtPrice, pool);
        BigDecimal value = TokenValue.inToken1(amounts.amount0().add(owed0), amounts.amount1().add(owed1), price, pool);
        BigDecimal principalNow = TokenValue.inToken1(amounts.amount0(), amounts.amount1(), price, pool);
        BigDecimal held = TokenValue.inToken1(position.deposited0().subtract(position.withdrawn0()),
                position.deposited1().subtract(position.withdrawn1()), price, pool);
        return new LpValued(position.ref(), block, sqrtPrice, state.slot0().tick(), onChain.liquidity(),
                amounts.amount0(), amounts.amount1(), fees0, fees1, TokenValue.published(price), value,
                principalNow.subtract(held), time);
    }
}

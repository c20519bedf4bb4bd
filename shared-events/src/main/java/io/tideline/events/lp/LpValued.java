package io.tideline.events.lp;

import static io.tideline.events.RequiredFields.require;

import io.tideline.events.EventPayload;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

/**
 * A periodic mark-to-market of an open position at a block: what it holds, its unclaimed fees and its value.
 *
 * @param amount0               token0 the liquidity is worth at this price, raw units
 * @param amount1               token1 the liquidity is worth at this price, raw units
 * @param uncollectedFees0      token0 fees earned but not collected, raw units
 * @param uncollectedFees1      token1 fees earned but not collected, raw units
 * @param price                 token1 per token0, decimals applied
 * @param valueToken1           amounts plus uncollected fees, in token1
 * @param impermanentLossToken1 the position's amounts minus what holding the net deposits (deposited − withdrawn)
 *                              would be worth, both at the current price, in token1, fees excluded
 *                              (<b>negative is a loss</b>; lp-tracker's README states the formula)
 * @param valuedAt              the time of the block valued
 */
public record LpValued(PositionRef position, long blockNumber, BigInteger sqrtPriceX96, int tick, BigInteger liquidity,
                       BigInteger amount0, BigInteger amount1, BigInteger uncollectedFees0,
                       BigInteger uncollectedFees1, BigDecimal price, BigDecimal valueToken1,
                       BigDecimal impermanentLossToken1, Instant valuedAt) implements EventPayload {

    public LpValued {
        require(position, "position");
        require(sqrtPriceX96, "sqrtPriceX96");
        require(liquidity, "liquidity");
        require(amount0, "amount0");
        require(amount1, "amount1");
        require(uncollectedFees0, "uncollectedFees0");
        require(uncollectedFees1, "uncollectedFees1");
        require(price, "price");
        require(valueToken1, "valueToken1");
        require(impermanentLossToken1, "impermanentLossToken1");
        require(valuedAt, "valuedAt");
    }
}

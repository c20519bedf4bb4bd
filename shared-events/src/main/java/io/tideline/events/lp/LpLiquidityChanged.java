package io.tideline.events.lp;

import static io.tideline.events.RequiredFields.require;

import io.tideline.events.EventPayload;
import java.math.BigInteger;

/**
 * Liquidity was added to or removed from an existing position (IncreaseLiquidity / DecreaseLiquidity).
 *
 * @param liquidityDelta positive when liquidity was added, negative when removed
 * @param liquidityAfter the position's liquidity after the change
 * @param amount0        token0 deposited or withdrawn (by the sign of the delta), raw units
 * @param amount1        token1 deposited or withdrawn (by the sign of the delta), raw units
 */
public record LpLiquidityChanged(PositionRef position, BigInteger liquidityDelta, BigInteger liquidityAfter,
                                 BigInteger amount0, BigInteger amount1, ChainRef at) implements EventPayload {

    public LpLiquidityChanged {
        require(position, "position");
        require(liquidityDelta, "liquidityDelta");
        require(liquidityAfter, "liquidityAfter");
        require(amount0, "amount0");
        require(amount1, "amount1");
        require(at, "at");
    }
}

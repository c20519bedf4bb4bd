package io.tideline.events.lp;

import static io.tideline.events.RequiredFields.require;

import io.tideline.events.EventPayload;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A new LP position was minted: its range, the liquidity and token amounts deposited, and the pool price at the time.
 *
 * @param owner        the position NFT's owner, lower-case
 * @param pool         the pool address, lower-case
 * @param fee          the pool fee in hundredths of a basis point (3000 = 0.30 %)
 * @param amount0      token0 deposited, raw units
 * @param amount1      token1 deposited, raw units
 * @param sqrtPriceX96 the pool's sqrtPriceX96 in the mint's block
 * @param price        token1 per token0, decimals applied
 */
public record LpMinted(PositionRef position, String owner, String pool, TokenRef token0, TokenRef token1, int fee,
                       int tickLower, int tickUpper, BigInteger liquidity, BigInteger amount0, BigInteger amount1,
                       BigInteger sqrtPriceX96, BigDecimal price, ChainRef at) implements EventPayload {

    public LpMinted {
        require(position, "position");
        owner = EvmAddress.normalize(owner, "owner");
        pool = EvmAddress.normalize(pool, "pool");
        require(token0, "token0");
        require(token1, "token1");
        if (tickLower >= tickUpper) {
            throw new IllegalArgumentException(
                    "tickLower (" + tickLower + ") must be below tickUpper (" + tickUpper + ")");
        }
        require(liquidity, "liquidity");
        require(amount0, "amount0");
        require(amount1, "amount1");
        require(sqrtPriceX96, "sqrtPriceX96");
        require(price, "price");
        require(at, "at");
    }
}

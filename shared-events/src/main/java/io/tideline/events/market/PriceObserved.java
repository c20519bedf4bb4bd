package io.tideline.events.market;

import static io.tideline.events.RequiredFields.require;

import io.tideline.events.EventPayload;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

/**
 * A price seen at a source: a pool's slot0 on chain, or a venue's mark price.
 *
 * @param source       where the price comes from, e.g. {@code uniswap-v3} or {@code extended}
 * @param instrument   what it is the price of: {@code chainId:pool} for a pool, the market symbol for a venue
 * @param price        quote per base (token1 per token0 for a pool), decimals applied
 * @param sqrtPriceX96 optional: the pool's sqrtPriceX96, for pools only
 * @param tick         optional: the pool's tick, for pools only
 * @param blockNumber  optional: the block read, for on-chain sources only
 * @param liquidity    optional, pools only: the pool's in-range liquidity after the last swap (raw)
 * @param volume0In    optional, pools only: token0 swappers paid into the pool (fees included, raw) in the swaps since
 *                     the pool's previous {@code PriceObserved} (absent from publishers that do not follow swaps)
 * @param volume1In    optional, pools only: the same for token1
 * @param swaps        optional, pools only: how many swaps those volumes hold
 */
public record PriceObserved(String source, String instrument, BigDecimal price, BigInteger sqrtPriceX96, Integer tick,
                            Long blockNumber, Instant observedAt, BigInteger liquidity, BigInteger volume0In,
                            BigInteger volume1In, Integer swaps) implements EventPayload {

    /** A price without the pool's liquidity and swap volumes (a venue's mark, or a pool read without its swaps). */
    public PriceObserved(String source, String instrument, BigDecimal price, BigInteger sqrtPriceX96, Integer tick,
            Long blockNumber, Instant observedAt) {
        this(source, instrument, price, sqrtPriceX96, tick, blockNumber, observedAt, null, null, null, null);
    }

    public PriceObserved {
        require(source, "source");
        require(instrument, "instrument");
        require(price, "price");
        require(observedAt, "observedAt");
        if ((volume0In != null && volume0In.signum() < 0) || (volume1In != null && volume1In.signum() < 0)
                || (liquidity != null && liquidity.signum() < 0) || (swaps != null && swaps < 0)) {
            throw new IllegalArgumentException("liquidity, volumes and swaps must not be negative");
        }
    }
}

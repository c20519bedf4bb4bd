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
 */
public record PriceObserved(String source, String instrument, BigDecimal price, BigInteger sqrtPriceX96, Integer tick,
                            Long blockNumber, Instant observedAt) implements EventPayload {

    public PriceObserved {
        require(source, "source");
        require(instrument, "instrument");
        require(price, "price");
        require(observedAt, "observedAt");
    }
}

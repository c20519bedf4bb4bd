package io.tideline.perp.venue.paper;

import io.tideline.messaging.tx.Sql;
import io.tideline.perp.market.PoolMarkets;
import io.tideline.perp.market.PoolPrices;
import java.math.BigDecimal;
import java.util.Optional;

/** A perp market's price as the paper venue sees it: the latest price of the pool configured for that market. */
public final class MarketPrices {

    private final Sql reads;
    private final PoolPrices prices;
    private final PoolMarkets markets;

    public MarketPrices(Sql reads, PoolPrices prices, PoolMarkets markets) {
        this.reads = reads;
        this.prices = prices;
        this.markets = markets;
    }

    /** Collateral per base unit; empty before the pool's first PriceObserved, or for a market no pool maps to. */
    public Optional<BigDecimal> price(String market) {
        return markets.forMarket(market).flatMap(pm -> prices.latest(reads, pm.pool())
                .filter(p -> p.signum() > 0)
                .map(pm::marketPrice));
    }
}

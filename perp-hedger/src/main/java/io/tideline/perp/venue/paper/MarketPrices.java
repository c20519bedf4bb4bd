package io.tideline.perp.venue.paper;

import io.tideline.messaging.tx.Sql;
import io.tideline.perp.market.PoolMarkets;
import io.tideline.perp.market.PoolPrices;
import io.tideline.perp.marketdata.PublishedPrices;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A perp market's price as the paper venue sees it: with the market-data feed on, the venue's latest mark the feed
 * published for that market; otherwise (or before the feed's first price) the latest price of the pool configured for
 * that market.
 */
public final class MarketPrices {

    private final Sql reads;
    private final PoolPrices prices;
    private final PoolMarkets markets;
    private final PublishedPrices venuePrices;
    private final boolean feed;

    public MarketPrices(Sql reads, PoolPrices prices, PoolMarkets markets, PublishedPrices venuePrices, boolean feed) {
        this.reads = reads;
        this.prices = prices;
        this.markets = markets;
        this.venuePrices = venuePrices;
        this.feed = feed;
    }

    /** Collateral per base unit; empty before any price, or for a market neither the feed nor a pool gives. */
    public Optional<BigDecimal> price(String market) {
        if (feed) {
            Optional<BigDecimal> mark = venuePrices.latestOfMarket(reads, market).filter(p -> p.signum() > 0);
            if (mark.isPresent()) {
                return mark;
            }
        }
        return markets.forMarket(market).flatMap(pm -> prices.latest(reads, pm.pool())
                .filter(p -> p.signum() > 0)
                .map(pm::marketPrice));
    }
}

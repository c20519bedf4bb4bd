package io.tideline.perp.venue.paper;

import io.tideline.messaging.sql.BlockingTransaction;
import io.tideline.perp.hedge.HedgeSizing;
import io.tideline.perp.hedge.HedgeStore;
import io.tideline.perp.hedge.PoolMarkets;
import java.math.BigDecimal;
import java.util.Optional;

/** A perp market's price as the paper venue sees it: the latest price of the pool configured for that market. */
public final class MarketPrices {

    private final BlockingTransaction tx;
    private final HedgeStore store;
    private final PoolMarkets markets;

    public MarketPrices(BlockingTransaction tx, HedgeStore store, PoolMarkets markets) {
        this.tx = tx;
        this.store = store;
        this.markets = markets;
    }

    /** Collateral per base unit; empty before the pool's first PriceObserved, or for a market no pool maps to. */
    public Optional<BigDecimal> price(String market) {
        return markets.forMarket(market).flatMap(pm -> tx.run(c -> store.poolPrice(c, pm.pool()))
                .filter(p -> p.signum() > 0)
                .map(p -> HedgeSizing.marketPrice(p, pm.volatileIsToken0())));
    }
}

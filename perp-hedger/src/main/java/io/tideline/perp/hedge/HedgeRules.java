package io.tideline.perp.hedge;

import io.tideline.perp.config.HedgerConfig;
import io.tideline.perp.market.PoolMarkets;
import java.math.BigDecimal;

/**
 * What the planner decides by: which pools are hedged on which market, the hedge ratio, and the delta band.
 *
 * @param band          re-hedge when |wanted - held| exceeds this fraction of what is held (0.10 = 10 %)
 * @param dailyOrderCap re-hedging orders a hedge may place per UTC day
 */
public record HedgeRules(PoolMarkets markets, BigDecimal hedgeRatio, boolean rebalance, BigDecimal band,
                         int dailyOrderCap) {

    public static HedgeRules of(HedgerConfig config, PoolMarkets markets) {
        return new HedgeRules(markets, config.hedgeRatio(), config.rebalance().enabled(), config.rebalance().band(),
                config.rebalance().dailyOrderCap());
    }
}

package io.tideline.perp.hedge;

import io.tideline.perp.config.HedgerConfig;
import io.tideline.perp.market.PoolMarkets;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the planner decides by: which pools are hedged on which market, whose positions, the hedge ratio, the delta
 * band and the notional caps.
 *
 * @param owners        the desk's wallets, lower case: only their positions are hedged
 * @param band          re-hedge when |wanted - held| exceeds this fraction of what is held (0.10 = 10 %)
 * @param dailyOrderCap re-hedging orders a hedge may place per UTC day
 * @param perHedgeCap   the most one hedge may be short, in collateral (quantity x market price)
 * @param totalCap      the most all live hedges together may be short, in collateral
 */
public record HedgeRules(PoolMarkets markets, Set<String> owners, BigDecimal hedgeRatio, boolean rebalance,
                         BigDecimal band, int dailyOrderCap, BigDecimal perHedgeCap, BigDecimal totalCap) {

    public HedgeRules {
        owners = owners.stream().map(o -> o.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public static HedgeRules of(HedgerConfig config, PoolMarkets markets) {
        return new HedgeRules(markets, Set.copyOf(config.owners().orElse(List.of())), config.hedgeRatio(),
                config.rebalance().enabled(), config.rebalance().band(), config.rebalance().dailyOrderCap(),
                config.caps().perHedge(), config.caps().total());
    }

    /** Whether a position of this owner is the desk's to hedge. */
    public boolean hedgesOwner(String owner) {
        return owner != null && owners.contains(owner.toLowerCase(Locale.ROOT));
    }
}

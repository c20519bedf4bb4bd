package io.tideline.pnl.pnl;

import io.tideline.events.pnl.CostBasisMethod;
import java.math.BigDecimal;
import java.util.List;

/**
 * A user's P&amp;L: realized (every close: proceeds - cost basis - fees), unrealized (open shares at the last traded
 * price - their cost - their buy fees not yet realized), by venue and by alert, with the open positions.
 */
public record UserPnl(String user, CostBasisMethod method, BigDecimal realized, BigDecimal fees, long closes,
                      long wins, BigDecimal unrealized, List<Slice> byVenue, List<Slice> byAlert,
                      List<OpenPosition> positions) {

    /**
     * An open position in one outcome.
     *
     * @param lastPrice     the last traded price of the outcome on its venue (1 or 0 once resolved)
     * @param unrealizedPnl shares x lastPrice - costBasis - the buy fees not yet realized
     */
    public record OpenPosition(String venue, String market, String outcome, String alertId, BigDecimal shares,
                               BigDecimal costBasis, BigDecimal openFees, BigDecimal lastPrice,
                               BigDecimal unrealizedPnl) {
    }

    /** Realized and unrealized P&amp;L of one slice (a venue, or an alert; key absent = no alert). */
    public record Slice(String key, BigDecimal realized, BigDecimal unrealized) {
    }
}

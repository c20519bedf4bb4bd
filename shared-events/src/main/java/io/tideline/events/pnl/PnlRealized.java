package io.tideline.events.pnl;

import static io.tideline.events.RequiredFields.require;

import io.tideline.events.EventPayload;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * P&amp;L was realized on a wallet's prediction-market position, by a sale or by the market resolving.
 *
 * @param quantity    outcome shares closed
 * @param costBasis   what the closed shares cost, by {@code method}, in the venue's collateral
 * @param proceeds    what they returned (sale proceeds, or the resolution payout), in the venue's collateral
 * @param realizedPnl {@code proceeds - costBasis - fees}
 * @param fees        fees of the buys and the sale that are attributed to the closed shares
 * @param alertId     optional: the alert the position followed, absent if none did
 */
public record PnlRealized(String user, String venue, String market, String outcome, BigDecimal quantity,
                          BigDecimal costBasis, BigDecimal proceeds, BigDecimal realizedPnl, BigDecimal fees,
                          CostBasisMethod method, Reason reason, String alertId, Instant realizedAt)
        implements EventPayload {

    /** What realized the P&amp;L. */
    public enum Reason {
        SELL,
        RESOLUTION,
        /**
         * An earlier realization undone because the sale behind it was removed by a chain reorganisation: the amounts
         * are the negation of the realization's, so sums over a user's PnlRealized stay right.
         */
        RETRACTED
    }

    public PnlRealized {
        require(user, "user");
        require(venue, "venue");
        require(market, "market");
        require(outcome, "outcome");
        require(quantity, "quantity");
        require(costBasis, "costBasis");
        require(proceeds, "proceeds");
        require(realizedPnl, "realizedPnl");
        require(fees, "fees");
        require(method, "method");
        require(reason, "reason");
        require(realizedAt, "realizedAt");
    }
}

package io.tideline.events.pnl;

import static io.tideline.events.RequiredFields.require;

import io.tideline.events.EventPayload;
import io.tideline.events.TradeSide;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A wallet's trade on a prediction market that no alert accounts for; it still counts towards the wallet's P&amp;L.
 *
 * @param executionId the venue's id of the execution (trade)
 * @param user        the wallet that traded
 * @param shares      outcome shares bought or sold
 * @param price       per share, in the venue's collateral (e.g. USDC)
 * @param fee         in the venue's collateral
 */
public record ExecutionUnmatched(String executionId, String user, String venue, String market, String outcome,
                                 TradeSide side, BigDecimal shares, BigDecimal price, BigDecimal fee,
                                 Instant executedAt) implements EventPayload {

    public ExecutionUnmatched {
        require(executionId, "executionId");
        require(user, "user");
        require(venue, "venue");
        require(market, "market");
        require(outcome, "outcome");
        require(side, "side");
        require(shares, "shares");
        require(price, "price");
        require(fee, "fee");
        require(executedAt, "executedAt");
    }
}

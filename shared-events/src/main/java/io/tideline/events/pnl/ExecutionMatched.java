package io.tideline.events.pnl;

import static io.tideline.events.RequiredFields.require;

import io.tideline.events.EventPayload;
import io.tideline.events.TradeSide;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A wallet's trade on a prediction market was attributed to the alert it followed.
 *
 * @param executionId the venue's id of the execution (trade)
 * @param user        the wallet that traded
 * @param venue       e.g. {@code polymarket}
 * @param market      the venue's market id
 * @param outcome     the outcome traded, e.g. {@code YES}
 * @param shares      outcome shares bought or sold
 * @param price       per share, in the venue's collateral (e.g. USDC)
 * @param fee         in the venue's collateral
 * @param alertId     the alert the trade followed
 */
public record ExecutionMatched(String executionId, String user, String venue, String market, String outcome,
                               TradeSide side, BigDecimal shares, BigDecimal price, BigDecimal fee,
                               Instant executedAt, String alertId) implements EventPayload {

    public ExecutionMatched {
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
        require(alertId, "alertId");
    }
}

package io.tideline.pnl.execution;

import io.tideline.events.TradeSide;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A trade of outcome shares by one user on one venue.
 *
 * @param executionId on-chain: {@code network:txHash:logIndex[:tokenId]:wallet}; off-chain: {@code venue:tradeId}
 * @param user        a wallet address (on-chain) or the venue's account name
 * @param shares      outcome shares, positive
 * @param price       collateral per share
 * @param fee         in collateral, paid by the user
 * @param txHash      absent for off-chain venues
 */
public record Execution(String executionId, String user, String venue, String market, String outcome,
                        TradeSide side, BigDecimal shares, BigDecimal price, BigDecimal fee, Instant executedAt,
                        String txHash) {

    /** Whether another report of this trade has the same figures (user, market, outcome, side, amounts, time). */
    public boolean sameFill(Execution other) {
        return user.equals(other.user) && market.equals(other.market) && outcome.equals(other.outcome)
                && side == other.side && shares.compareTo(other.shares) == 0 && price.compareTo(other.price) == 0
                && fee.compareTo(other.fee) == 0 && executedAt.equals(other.executedAt);
    }
}

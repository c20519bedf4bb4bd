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
}

package io.tideline.analytics.rebalance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A kept rebalancing suggestion as the API shows it: what it proposed, its estimates, and its follow-up (status OPEN
 * while the position is live or less than a day closed, FOLLOWED with the new position and how it did, or
 * NOT_FOLLOWED).
 */
public record SuggestionView(UUID id, UUID batchId, String positionKey, String pool, Instant createdAt,
                             RiskLevel riskLevel, int tickLower, int tickUpper, int tick, int currentLower,
                             int currentUpper, BigDecimal expectedFeeApr, BigDecimal ilRisk, BigDecimal confidence,
                             String regime, RebalanceStore.Status status, String followedBy, Instant followedAt,
                             FollowUpOutcome outcome) {
}

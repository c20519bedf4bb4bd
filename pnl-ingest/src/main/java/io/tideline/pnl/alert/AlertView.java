package io.tideline.pnl.alert;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An arbitrage alert as stored, with how many (not retracted) executions were matched to it. */
public record AlertView(String alertId, List<ArbitrageAlertRequest.ValidLeg> legs, BigDecimal expectedEdge,
                        Instant createdAt, Instant expiresAt, String status, long executions) {
}

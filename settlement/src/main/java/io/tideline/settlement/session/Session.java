package io.tideline.settlement.session;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A market-making session with its pairs, how many fills it has, and its stop-loss state ({@code OK}, or
 * {@code TRIPPED}: no new take-profits until acknowledged).
 */
public record Session(String sessionId, String venue, List<String> pairs, int pairCount, Instant startedAt,
                      Instant endedAt, Instant lastActivityAt, String source, long fills, String stopLossState,
                      Instant stopLossTrippedAt, BigDecimal stopLossLoss, int stopLossTrips,
                      BigDecimal acknowledgedLoss, Instant acknowledgedAt, String acknowledgedBy) {

    public boolean stopped() {
        return "TRIPPED".equals(stopLossState);
    }
}

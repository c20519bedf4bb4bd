package io.tideline.events.mm;

import static io.tideline.events.RequiredFields.require;

import io.tideline.events.EventPayload;
import io.tideline.events.TradeSide;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Settlement found inventory from a fill that no take-profit order covers yet.
 *
 * @param fillId            the trade id of the fill that opened the inventory
 * @param side              the side of that fill; the take-profit goes the opposite way
 * @param uncoveredQuantity in the pair's base asset
 * @param ageTier           0 for the youngest inventory; settlement's configuration maps tiers to ages and margins
 * @param heldSince         when the fill happened
 * @param reason            why it stays uncovered when settlement could not cover it (e.g. the venue account holds
 *                          less than the take-profit would sell), or null when a take-profit is being placed for it
 */
public record PositionUncovered(String sessionId, String pair, String venue, String fillId, TradeSide side,
                                BigDecimal entryPrice, BigDecimal uncoveredQuantity, int ageTier, Instant heldSince,
                                String reason)
        implements EventPayload {

    /** Uncovered inventory for which a take-profit is being placed (no reason). */
    public PositionUncovered(String sessionId, String pair, String venue, String fillId, TradeSide side,
            BigDecimal entryPrice, BigDecimal uncoveredQuantity, int ageTier, Instant heldSince) {
        this(sessionId, pair, venue, fillId, side, entryPrice, uncoveredQuantity, ageTier, heldSince, null);
    }

    public PositionUncovered {
        require(sessionId, "sessionId");
        require(pair, "pair");
        require(venue, "venue");
        require(fillId, "fillId");
        require(side, "side");
        require(entryPrice, "entryPrice");
        require(uncoveredQuantity, "uncoveredQuantity");
        require(heldSince, "heldSince");
    }
}

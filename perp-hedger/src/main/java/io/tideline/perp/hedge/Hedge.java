package io.tideline.perp.hedge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A hedge as stored ({@code perp_hedge}).
 *
 * @param status  OPENING (first order outstanding), OPEN, CLOSING, CLOSED, FAILED (nothing could be held),
 *                UNHEDGED (no market for the pool, or too small to hedge)
 * @param lpState OPEN, CLOSED, TRANSFERRED (left the desk's wallets), RETRACTED (its mint was undone by a reorg)
 * @param openQty the short held, from our recorded fills
 */
public record Hedge(UUID hedgeId, String positionKey, String owner, String pool, String market, String volatileToken,
                    int volatileDecimals, String status, String lpState, BigDecimal targetQty, BigDecimal openQty,
                    BigDecimal soldValue, BigDecimal boughtValue, BigDecimal fees, int nextStep, String detail,
                    Instant createdAt, Instant updatedAt) {

    public boolean live() {
        return "OPENING".equals(status) || "OPEN".equals(status) || "CLOSING".equals(status);
    }

    /** This hedge with another status, LP state, target, next step and detail. */
    public Hedge with(String newStatus, String newLpState, BigDecimal newTargetQty, int newNextStep,
            String newDetail) {
        return new Hedge(hedgeId, positionKey, owner, pool, market, volatileToken, volatileDecimals, newStatus,
                newLpState, newTargetQty, openQty, soldValue, boughtValue, fees, newNextStep, newDetail, createdAt,
                updatedAt);
    }

    /** This hedge with another status and detail. */
    public Hedge with(String newStatus, String newDetail) {
        return with(newStatus, lpState, targetQty, nextStep, newDetail);
    }

    /**
     * This hedge after a fill of {@code quantity} worth {@code notional} (quantity × average price) paying
     * {@code fee}: a sell adds to the short, a buy takes from it.
     */
    public Hedge filled(boolean sell, BigDecimal quantity, BigDecimal notional, BigDecimal fee, String newStatus,
            String newDetail) {
        return new Hedge(hedgeId, positionKey, owner, pool, market, volatileToken, volatileDecimals, newStatus,
                lpState, targetQty, sell ? openQty.add(quantity) : openQty.subtract(quantity),
                sell ? soldValue.add(notional) : soldValue, sell ? boughtValue : boughtValue.add(notional),
                fees.add(fee), nextStep, newDetail, createdAt, updatedAt);
    }

    /** Sell proceeds minus buy costs: the hedge's realized P&amp;L once it holds nothing, before fees. */
    public BigDecimal tradingPnl() {
        return soldValue.subtract(boughtValue);
    }
}

package io.tideline.perp.hedge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A hedge as stored ({@code perp_hedge}).
 *
 * @param openQty       the short held, from our recorded fills
 * @param correlationId the correlation id of the LP fact that last changed the hedge's LP side (the mint, then a
 *                      close, transfer or retraction): the orders it leads to carry it, so their events join that
 *                      fact's chain
 */
public record Hedge(UUID hedgeId, String positionKey, String owner, String pool, String market, String volatileToken,
                    int volatileDecimals, HedgeStatus status, LpState lpState, BigDecimal targetQty,
                    BigDecimal openQty, BigDecimal soldValue, BigDecimal boughtValue, BigDecimal fees, int nextStep,
                    String detail, String correlationId, Instant createdAt, Instant updatedAt) {

    public boolean live() {
        return status.live();
    }

    /** This hedge with another status, LP state, target, next step and detail. */
    public Hedge with(HedgeStatus newStatus, LpState newLpState, BigDecimal newTargetQty, int newNextStep,
            String newDetail) {
        return new Hedge(hedgeId, positionKey, owner, pool, market, volatileToken, volatileDecimals, newStatus,
                newLpState, newTargetQty, openQty, soldValue, boughtValue, fees, newNextStep, newDetail,
                correlationId, createdAt, updatedAt);
    }

    /** This hedge with another status and detail. */
    public Hedge with(HedgeStatus newStatus, String newDetail) {
        return with(newStatus, lpState, targetQty, nextStep, newDetail);
    }

    /** This hedge after an LP fact about it: its LP state and the fact's correlation id. */
    public Hedge afterLpFact(HedgeStatus newStatus, LpState newLpState, String newDetail, String factCorrelationId) {
        return new Hedge(hedgeId, positionKey, owner, pool, market, volatileToken, volatileDecimals, newStatus,
                newLpState, targetQty, openQty, soldValue, boughtValue, fees, nextStep, newDetail,
                factCorrelationId, createdAt, updatedAt);
    }

    /**
     * This hedge after a fill of {@code quantity} worth {@code notional} (quantity × average price) paying
     * {@code fee}: a sell adds to the short, a buy takes from it.
     */
    public Hedge filled(boolean sell, BigDecimal quantity, BigDecimal notional, BigDecimal fee, HedgeStatus newStatus,
            String newDetail) {
        return new Hedge(hedgeId, positionKey, owner, pool, market, volatileToken, volatileDecimals, newStatus,
                lpState, targetQty, sell ? openQty.add(quantity) : openQty.subtract(quantity),
                sell ? soldValue.add(notional) : soldValue, sell ? boughtValue : boughtValue.add(notional),
                fees.add(fee), nextStep, newDetail, correlationId, createdAt, updatedAt);
    }

    /** Sell proceeds minus buy costs: the hedge's realized P&amp;L once it holds nothing, before fees. */
    public BigDecimal tradingPnl() {
        return soldValue.subtract(boughtValue);
    }
}

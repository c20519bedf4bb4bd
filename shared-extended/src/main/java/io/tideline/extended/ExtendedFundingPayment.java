package io.tideline.extended;

import io.tideline.events.TradeSide;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One funding payment of the account ({@code GET /user/funding/history}), as Extended reports it.
 *
 * @param id          Extended's id of the payment (decimal text; unique per payment)
 * @param positionId  Extended's id of the position it was paid on (decimal text)
 * @param side        the position's side: SELL for a short, BUY for a long
 * @param size        the position's size then, in the base asset
 * @param value       the position's value then, in the collateral asset
 * @param markPrice   the mark price then
 * @param fundingFee  the payment's size as Extended writes it ({@code fundingFee}), in the collateral asset
 * @param fundingRate the rate applied, a fraction (positive: longs pay shorts)
 * @param paidAt      when it was paid
 */
public record ExtendedFundingPayment(String id, String market, String positionId, TradeSide side, BigDecimal size,
                                     BigDecimal value, BigDecimal markPrice, BigDecimal fundingFee,
                                     BigDecimal fundingRate, Instant paidAt) {
}

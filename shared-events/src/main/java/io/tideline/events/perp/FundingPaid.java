package io.tideline.events.perp;

import static io.tideline.events.RequiredFields.require;

import io.tideline.events.EventPayload;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A funding payment of a hedge's perp position, as the venue paid it: one event per (venue payment, hedge), on
 * {@code perp.hedges} keyed by the LP position key. When several hedges are short the same market (one venue
 * position), the payment is shared between them in proportion to their open quantities, so their amounts sum to the
 * venue's payment exactly.
 *
 * @param venue           e.g. {@code extended}
 * @param paymentId       the venue's id of the payment (decimal text; ids reach 2^63)
 * @param venuePositionId the venue's id of the position it was paid on (decimal text)
 * @param positionSide    {@code SHORT} or {@code LONG}
 * @param quantity        the hedge's share of the position's size, in the market's base asset
 * @param rate            the funding rate applied, a fraction (positive: longs pay shorts)
 * @param amount          the hedge's share of the payment in the market's collateral asset, signed for the desk:
 *                        positive received, negative paid
 * @param venueAmount     the whole payment of the venue position, signed the same way
 */
public record FundingPaid(String positionKey, String hedgeId, String venue, String market, String paymentId,
                          String venuePositionId, String positionSide, BigDecimal quantity, BigDecimal rate,
                          BigDecimal markPrice, BigDecimal amount, BigDecimal venueAmount, Instant paidAt)
        implements EventPayload {

    public FundingPaid {
        require(positionKey, "positionKey");
        require(hedgeId, "hedgeId");
        require(venue, "venue");
        require(market, "market");
        require(paymentId, "paymentId");
        require(positionSide, "positionSide");
        require(quantity, "quantity");
        require(rate, "rate");
        require(amount, "amount");
        require(venueAmount, "venueAmount");
        require(paidAt, "paidAt");
    }
}

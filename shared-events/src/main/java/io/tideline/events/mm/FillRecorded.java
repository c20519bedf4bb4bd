package io.tideline.events.mm;

import static io.tideline.events.RequiredFields.require;

import io.tideline.events.EventPayload;
import io.tideline.events.TradeSide;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A market-maker order was (partly) filled at the venue, reported by the market maker or imported.
 *
 * @param sessionId the market-making session the order belongs to
 * @param pair      the traded pair, e.g. {@code ETH-USDC}
 * @param quantity  in the pair's base asset
 * @param price     in the pair's quote asset
 * @param fee       in {@code feeAsset}
 * @param feeAsset  optional: the asset the fee was charged in, the quote asset when absent
 */
public record FillRecorded(String sessionId, String pair, String venue, String orderId, String tradeId,
                           TradeSide side, BigDecimal quantity, BigDecimal price, BigDecimal fee, String feeAsset,
                           Instant filledAt) implements EventPayload {

    public FillRecorded {
        require(sessionId, "sessionId");
        require(pair, "pair");
        require(venue, "venue");
        require(orderId, "orderId");
        require(tradeId, "tradeId");
        require(side, "side");
        require(quantity, "quantity");
        require(price, "price");
        require(fee, "fee");
        require(filledAt, "filledAt");
    }
}

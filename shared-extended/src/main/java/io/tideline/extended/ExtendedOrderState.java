package io.tideline.extended;

import io.tideline.events.TradeSide;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order of the account as Extended reports it ({@code GET /user/orders/{id}}, {@code /user/orders/external/{id}},
 * the open orders of {@code GET /user/orders}).
 *
 * @param orderId      Extended's 64-bit id, as its decimal text
 * @param type         LIMIT, MARKET, CONDITIONAL, TPSL, or null when absent
 * @param status       NEW, UNTRIGGERED, PARTIALLY_FILLED, FILLED, CANCELLED, EXPIRED, REJECTED
 * @param statusReason why it ended (e.g. NOT_ENOUGH_FUNDS, POST_ONLY_FAILED, REDUCE_ONLY_FAILED), or null
 * @param price        the order's limit (worst accepted) price, or null when absent
 * @param filledQty    base asset filled so far
 * @param averagePrice of the filled part, or null when nothing filled
 * @param fee          paid so far ({@code payedFee}), in the collateral asset
 * @param raw          Extended's JSON for the order, kept for the record (ids digit for digit)
 */
public record ExtendedOrderState(String orderId, String externalId, String market, String type, TradeSide side,
                                 String status, String statusReason, BigDecimal quantity, BigDecimal price,
                                 BigDecimal filledQty, BigDecimal averagePrice, BigDecimal fee, Instant createdAt,
                                 Instant updatedAt, String raw) {

    /** Whether the order can change no more. */
    public boolean terminal() {
        return switch (status) {
            case "FILLED", "CANCELLED", "EXPIRED", "REJECTED" -> true;
            default -> false;
        };
    }
}

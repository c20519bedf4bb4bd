package io.tideline.extended;

import io.tideline.events.TradeSide;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The fields of {@code POST /user/order} that the caller chooses; the client adds the fee limit, expiry, nonce and
 * the settlement signature.
 *
 * @param externalId  the client's id ({@code id}); Extended answers lookups by it
 * @param price       the limit price, or for a market order the worst accepted price; on the market's price step
 * @param reduceOnly  may only shrink the position
 * @param postOnly    must rest on the book (a maker order); Extended cancels it (POST_ONLY_FAILED) if it would trade
 * @param cancelId    the external id of an open order this one replaces, or null
 */
public record ExtendedOrderRequest(String externalId, String market, Type type, TradeSide side, BigDecimal quantity,
                                   BigDecimal price, TimeInForce timeInForce, boolean reduceOnly, boolean postOnly,
                                   String cancelId) {

    /** Extended's order types this client sends. */
    public enum Type { LIMIT, MARKET }

    /** Good till time (until the order's expiry), immediate or cancel, fill or kill. */
    public enum TimeInForce { GTT, IOC, FOK }

    public ExtendedOrderRequest {
        if (externalId == null || externalId.isBlank()) {
            throw new IllegalArgumentException("externalId must be set");
        }
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(timeInForce, "timeInForce");
        if (quantity == null || quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        if (price == null || price.signum() <= 0) {
            throw new IllegalArgumentException("price must be positive: " + price);
        }
        if (postOnly && (type != Type.LIMIT || timeInForce != TimeInForce.GTT)) {
            throw new IllegalArgumentException("a post-only order must be a GTT limit order");
        }
    }

    /** A market order (IOC) at a worst accepted price, as {@link ExtendedMarketOrderPrice} makes it. */
    public static ExtendedOrderRequest market(String externalId, String market, TradeSide side, BigDecimal quantity,
                                              BigDecimal worstPrice, boolean reduceOnly) {
        return new ExtendedOrderRequest(externalId, market, Type.MARKET, side, quantity, worstPrice, TimeInForce.IOC,
                reduceOnly, false, null);
    }

    /** A post-only GTT limit order (a maker quote), optionally replacing the open order {@code cancelId}. */
    public static ExtendedOrderRequest postOnlyLimit(String externalId, String market, TradeSide side,
                                                     BigDecimal quantity, BigDecimal price, String cancelId) {
        return new ExtendedOrderRequest(externalId, market, Type.LIMIT, side, quantity, price, TimeInForce.GTT, false,
                true, cancelId);
    }
}

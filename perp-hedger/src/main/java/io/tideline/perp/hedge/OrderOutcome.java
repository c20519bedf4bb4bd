package io.tideline.perp.hedge;

import io.tideline.perp.venue.VenueOrder;
import io.tideline.perp.venue.VenueTrade;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * What became of an order at the venue, ready to record: how much filled at what average price and fee, with the
 * fills; or why nothing filled.
 *
 * @param reason    why nothing filled (null when something did)
 * @param retryable whether the same order may fill if sent again (a timeout, no liquidity; not a rejection)
 */
public record OrderOutcome(String orderId, String venueStatus, String statusReason, BigDecimal filled,
                           BigDecimal averagePrice, BigDecimal fee, List<VenueTrade> trades, String raw,
                           String reason, boolean retryable, VenueOrder venueOrder) {

    /** Scale of average prices computed from fills. */
    public static final int PRICE_SCALE = 12;

    public static OrderOutcome failed(String reason, boolean retryable, VenueOrder venueOrder) {
        return new OrderOutcome(venueOrder == null ? null : venueOrder.orderId(),
                venueOrder == null ? null : venueOrder.status(), venueOrder == null ? null : venueOrder.statusReason(),
                BigDecimal.ZERO, null, BigDecimal.ZERO, List.of(), venueOrder == null ? null : venueOrder.raw(),
                reason, retryable, venueOrder);
    }

    /** From the venue's final report of the order and the fills of it that were found. */
    public static OrderOutcome of(VenueOrder order, List<VenueTrade> trades) {
        if (order.filledQty().signum() == 0) {
            String why = "order " + order.status() + (order.statusReason() == null ? "" : " (" + order.statusReason()
                    + ")") + " with nothing filled";
            return failed(why, !"REJECTED".equals(order.status()), order);
        }
        BigDecimal average = order.averagePrice() != null ? order.averagePrice() : average(trades);
        BigDecimal fee = order.fee() != null ? order.fee() : trades.stream().map(VenueTrade::fee)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new OrderOutcome(order.orderId(), order.status(), order.statusReason(), order.filledQty(), average,
                fee, trades, order.raw(), null, false, order);
    }

    /** From fills alone (the order itself never showed). */
    public static OrderOutcome fromTrades(String orderId, List<VenueTrade> trades) {
        BigDecimal filled = trades.stream().map(VenueTrade::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal fee = trades.stream().map(VenueTrade::fee).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new OrderOutcome(orderId, "UNKNOWN", "found only in trades", filled, average(trades), fee, trades,
                null, null, false, null);
    }

    private static BigDecimal average(List<VenueTrade> trades) {
        BigDecimal qty = BigDecimal.ZERO;
        BigDecimal notional = BigDecimal.ZERO;
        for (VenueTrade t : trades) {
            qty = qty.add(t.quantity());
            notional = notional.add(t.quantity().multiply(t.price()));
        }
        return qty.signum() == 0 ? null : notional.divide(qty, PRICE_SCALE, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
    }
}

package io.tideline.analytics.portfolio;

import io.tideline.events.TradeSide;
import java.math.BigDecimal;

/**
 * A strategy's perp hedge on the average-cost method: a signed open quantity (negative = short) with the exact signed
 * cost of it, the P&amp;L realized by reducing fills and the fees paid. Pure; every fill returns a new book.
 *
 * @param openQuantity signed, in the market's base asset
 * @param openCost     signed: Σ quantity × price of what is open (exact)
 * @param realized     dollars, before fees
 * @param fees         dollars paid to the venue
 */
public record HedgeBook(BigDecimal openQuantity, BigDecimal openCost, BigDecimal realized, BigDecimal fees) {

    public static final HedgeBook EMPTY = new HedgeBook(BigDecimal.ZERO, BigDecimal.ZERO, Money.ZERO, Money.ZERO);

    /**
     * This book after a fill. A fill against the open side realizes {@code closed × (price − average)} (sign by side);
     * the cost taken out is the open cost's share, rounded at {@link Money#SCALE}, so that what stays open plus what was
     * realized always equals what was paid. A fill past zero opens the rest on the other side.
     */
    public HedgeBook fill(TradeSide side, BigDecimal quantity, BigDecimal price, BigDecimal fee) {
        BigDecimal signed = side == TradeSide.BUY ? quantity : quantity.negate();
        BigDecimal newFees = fees.add(fee);
        if (openQuantity.signum() == 0 || openQuantity.signum() == signed.signum()) {
            return new HedgeBook(openQuantity.add(signed), openCost.add(signed.multiply(price)), realized, newFees);
        }
        BigDecimal closing = signed.abs().min(openQuantity.abs());
        BigDecimal closedCost = closing.compareTo(openQuantity.abs()) == 0 ? openCost
                : Money.divide(openCost.multiply(closing), openQuantity.abs());
        // a short (openCost < 0) closed by a buy: proceeds received were −closedCost, paid now closing × price
        BigDecimal closedSigned = openQuantity.signum() > 0 ? closing : closing.negate();
        BigDecimal pnl = closedSigned.multiply(price).subtract(closedCost);
        BigDecimal rest = signed.abs().subtract(closing);
        BigDecimal quantityAfter = openQuantity.add(signed.signum() > 0 ? closing : closing.negate());
        BigDecimal costAfter = openCost.subtract(closedCost);
        if (rest.signum() > 0) {
            BigDecimal opened = signed.signum() > 0 ? rest : rest.negate();
            quantityAfter = quantityAfter.add(opened);
            costAfter = costAfter.add(opened.multiply(price));
        }
        return new HedgeBook(quantityAfter, costAfter, Money.of(realized.add(pnl)), newFees);
    }

    /** Unrealized P&amp;L at a mark: {@code openQuantity × mark − openCost}. */
    public BigDecimal unrealizedAt(BigDecimal mark) {
        return Money.of(openQuantity.multiply(mark).subtract(openCost));
    }

    /** The average open price, or zero when flat. */
    public BigDecimal averagePrice() {
        return openQuantity.signum() == 0 ? BigDecimal.ZERO : Money.divide(openCost, openQuantity);
    }
}

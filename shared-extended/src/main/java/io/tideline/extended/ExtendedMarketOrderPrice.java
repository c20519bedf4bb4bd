package io.tideline.extended;

import io.tideline.events.TradeSide;
import java.math.BigDecimal;

/**
 * The worst accepted price Extended requires on a market order, which it runs as a limit IOC order: the best bid
 * (sell) or ask (buy) moved by the slippage against us, then rounded to the market's price step away from the book
 * (a sell rounds down, a buy rounds up), so the order still crosses the whole slippage band.
 */
public final class ExtendedMarketOrderPrice {

    private ExtendedMarketOrderPrice() {
    }

    /**
     * SELL: {@code bid * (1 - slippage)} rounded down; BUY: {@code ask * (1 + slippage)} rounded up; never below one
     * price step.
     *
     * @throws ExtendedUnavailableException when the book has no bid (sell) or ask (buy) to price from
     */
    public static BigDecimal of(TradeSide side, ExtendedMarketStats stats, BigDecimal slippage, ExtendedMarket market) {
        BigDecimal best = side == TradeSide.SELL ? stats.bidPrice() : stats.askPrice();
        if (best == null || best.signum() <= 0) {
            throw new ExtendedUnavailableException(0, "no " + (side == TradeSide.SELL ? "bid" : "ask") + " in "
                    + stats.market() + " to price a market " + side + " from", null);
        }
        BigDecimal price = side == TradeSide.SELL
                ? market.priceRoundedDown(best.multiply(BigDecimal.ONE.subtract(slippage)))
                : market.priceRoundedUp(best.multiply(BigDecimal.ONE.add(slippage)));
        return price.compareTo(market.minPriceChange()) < 0 ? market.minPriceChange() : price;
    }
}

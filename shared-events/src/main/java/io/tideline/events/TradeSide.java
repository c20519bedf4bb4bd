package io.tideline.events;

/** The side of an order or fill, from the desk's point of view. */
public enum TradeSide {
    BUY,
    SELL;

    /** The side that closes a position opened on this side. */
    public TradeSide opposite() {
        return this == BUY ? SELL : BUY;
    }
}

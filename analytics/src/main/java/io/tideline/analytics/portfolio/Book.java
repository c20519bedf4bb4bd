package io.tideline.analytics.portfolio;

/** The desk's books; every strategy belongs to one. */
public enum Book {
    /** LP positions and their perp hedges. */
    LP,
    /** Market making: take-profits closing inventory. */
    MM,
    /** Prediction markets: realized P&amp;L of outcome shares. */
    PM
}

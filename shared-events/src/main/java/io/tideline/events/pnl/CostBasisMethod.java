package io.tideline.events.pnl;

/** Which open lots a sale is matched against when realizing P&amp;L. */
public enum CostBasisMethod {
    /** First in, first out. */
    FIFO,
    /** Last in, first out. */
    LIFO,
    /** Highest cost first. */
    HIFO
}

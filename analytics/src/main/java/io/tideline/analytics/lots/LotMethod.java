package io.tideline.analytics.lots;

/** Which open lots a closing trade consumes first. */
public enum LotMethod {
    /** Oldest first. */
    FIFO,
    /** Newest first. */
    LIFO,
    /** Highest cost per unit first (for a short: the lowest sale price first, the lot whose close gains least). */
    HIFO
}

package io.tideline.analytics.snapshot;

/** The levels the figures exist at; a scope names one strategy, one book, or {@code desk}. */
public enum Level {
    STRATEGY,
    BOOK,
    DESK
}

package io.tideline.analytics.regime;

/** The state a market is in, as {@link RegimeMethod} reads it from its recent prices. */
public enum Regime {
    /** Prices move in one direction more than they wander: a range is left soon; wider ranges or a hedge help. */
    TRENDING,
    /** Prices revert around a level: narrow ranges earn the most fees. */
    RANGING,
    /** Volatility well above its own recent history: impermanent loss risk dominates. */
    HIGH_VOLATILITY
}
